import { useState } from 'react';
import { Select } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchCases } from '../api';
import type { Suggestion } from '../types';
import { useDebouncedValue as useDebounced } from '../../../shared/use-debounced-value';

interface Props {
  caseId: number;
  suggestion: Suggestion | null;
  value?: number;
  onChange?: (id: number) => void;
}

/** The open case to merge into: the suggested duplicates first, or any case found by number or title. */
export function MergeTargetSelect({ caseId, suggestion, value, onChange }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useAsync(
    (signal) =>
      q
        ? fetchCases(
            {
              q,
              states: [
                'accepted',
                'dispatched',
                'signed',
                'extension_requested',
                'handled',
                'verified',
                'parked',
                'on_agenda',
              ],
              pageSize: 20,
            },
            signal,
          )
        : Promise.resolve(null),
    [q],
  );
  const options = [
    ...(suggestion?.duplicates ?? []).map((d) => ({
      value: d.id,
      label: `【疑似重复】${d.caseNo} ${d.title}（${Math.round(d.distanceM)} 米）`,
    })),
    ...(found.data?.data ?? []).map((c) => ({ value: c.id, label: `${c.caseNo} ${c.title}` })),
  ].filter((o, i, all) => o.value !== caseId && all.findIndex((x) => x.value === o.value) === i);

  return (
    <Select
      aria-label="合并目标案件"
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder="输入案件编号或标题搜索"
      loading={found.loading && Boolean(q)}
      value={value}
      onChange={onChange}
      options={options}
      notFoundContent={q ? '没有匹配的在办案件' : '请输入关键词'}
    />
  );
}
