import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { useAsync } from '../../../shared/use-async';
import { fetchCadres } from '../api';

/** Picks a person from the cadre database by name or unit. */
export function CadrePicker({ value, onChange, id }: { value?: number; onChange?: (v: number) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const list = useAsync((s) => fetchCadres(q, 1, s), [q]);
  return (
    <Select
      id={id}
      showSearch
      filterOption={false}
      value={value}
      onChange={onChange}
      onSearch={setSearch}
      placeholder="输入姓名或单位查找"
      loading={list.loading}
      options={(list.data?.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.unit}）` }))}
    />
  );
}
