import { useState } from 'react';
import { Select, Spin } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { searchResidents } from '../api';
import type { PickedResident } from '../types';

/** One line per resident: enough to tell namesakes apart without showing a whole number. */
export function residentLabel(r: PickedResident): string {
  return [r.name, r.idNumberMasked, r.phoneMasked, r.address].filter(Boolean).join('　');
}

/**
 * 代办 resident picker: staff type a name, an address fragment or the last 4 characters of an
 * identity number or phone; the server searches their community and answers masked.
 */
export function ResidentPicker({
  value,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (id: number) => void;
  id?: string;
}) {
  const [term, setTerm] = useState('');
  const q = useDebouncedValue(term.trim(), 300);
  const found = useAsync((s) => (q.length >= 2 ? searchResidents(q, s) : Promise.resolve([])), [q]);
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setTerm}
      data-testid="resident-picker"
      placeholder="输入姓名、地址或证件号/手机号后四位"
      notFoundContent={
        found.loading && q.length >= 2 ? <Spin size="small" /> : q.length < 2 ? '至少输入 2 个字符' : '没有找到该居民'
      }
      options={(found.data ?? []).map((r) => ({ value: r.id, label: residentLabel(r) }))}
      style={{ width: '100%' }}
    />
  );
}
