import { apiGet } from '../../shared/api';
import type { ChildrenPage, OrgNodeDetail } from './types';

export async function fetchNode(id: number, signal?: AbortSignal): Promise<OrgNodeDetail> {
  const res = await apiGet<{ data: OrgNodeDetail }>(`/api/org/nodes/${id}`, { signal });
  return res.data;
}

export const CHILDREN_PAGE_SIZE = 50;

export function fetchChildren(
  id: number,
  page = 1,
  pageSize = CHILDREN_PAGE_SIZE,
  signal?: AbortSignal,
): Promise<ChildrenPage> {
  return apiGet<ChildrenPage>(`/api/org/nodes/${id}/children?page=${page}&pageSize=${pageSize}`, { signal });
}
