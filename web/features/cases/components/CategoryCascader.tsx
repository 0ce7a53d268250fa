import { Cascader } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchCategories } from '../api';
import type { Category } from '../types';

interface Props {
  value?: number;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
}

/** The path [parent, child] of a category id, for the cascader's value. */
function pathOf(categories: Category[], id: number | undefined): number[] | undefined {
  if (id === undefined) return undefined;
  for (const c of categories) {
    if (c.id === id) return [c.id];
    if (c.children.some((child) => child.id === id)) return [c.id, id];
  }
  return undefined;
}

/** The two-level category tree; a top-level class may be chosen alone when no item fits. */
export function CategoryCascader({ value, onChange, placeholder = '选择问题类别' }: Props) {
  const { data = [], loading } = useAsync((signal) => fetchCategories(signal), []);
  return (
    <Cascader
      aria-label="问题类别"
      loading={loading}
      placeholder={placeholder}
      changeOnSelect
      showSearch
      options={data.map((c) => ({
        value: c.id,
        label: c.name,
        children: c.children.map((s) => ({ value: s.id, label: s.name })),
      }))}
      value={pathOf(data, value)}
      onChange={(path) => onChange?.(path?.length ? (path[path.length - 1] as number) : undefined)}
      style={{ width: '100%' }}
    />
  );
}
