import { useState } from 'react';
import { useAsync } from '../../../shared/use-async';
import { fetchPage } from '../api';

/** A server-paged list: filters plus page state; changing a filter goes back to page 1. */
export function usePagedList<T>(path: string, initial: Record<string, unknown> = {}) {
  const [filters, setFilters] = useState<Record<string, unknown>>(initial);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const state = useAsync(
    (signal) => fetchPage<T>(path, { ...filters, ...page }, signal),
    [path, JSON.stringify(filters), page.page, page.pageSize],
  );
  const setFilter = (key: string, value: unknown) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const pagination = {
    current: page.page,
    pageSize: page.pageSize,
    total: state.data?.page.total ?? 0,
    showSizeChanger: true,
    showTotal: (total: number) =>
      state.data?.page.totalCapped ? `超过 ${total} 条，请缩小筛选范围` : `共 ${total} 条`,
    onChange: (p: number, size: number) => setPage({ page: p, pageSize: size }),
  };
  return { ...state, filters, setFilter, pagination };
}
