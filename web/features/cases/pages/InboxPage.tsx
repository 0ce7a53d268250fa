import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Input, Select, Space, Tabs } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCases } from '../api';
import { CaseList } from '../components/CaseList';
import { inboxTabsFor } from '../inbox-tabs';
import { useLiveEvents } from '../live';
import type { Deadline } from '../types';

const DEADLINE_OPTIONS = [
  { value: 'green', label: '正常（绿）' },
  { value: 'yellow', label: '临期（黄）' },
  { value: 'red', label: '超时（红）' },
];

/** The working list: tab, deadline colour, search and page live in the URL, so Back returns here. */
export default function InboxPage() {
  const me = useMe();
  const tabs = useMemo(() => inboxTabsFor(me), [me]);
  const [search, setSearch] = useSearchParams();
  const tab = tabs.find((t) => t.key === search.get('tab')) ?? tabs[0]!;
  const deadline = (search.get('deadline') ?? undefined) as Exclude<Deadline, null> | undefined;
  const q = search.get('q') ?? '';
  const page = Number(search.get('page') ?? 1) || 1;

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };

  const filter = { ...tab.filter, deadline: tab.filter.deadline ?? deadline, q: q || undefined, page };
  const list = useAsync((signal) => fetchCases(filter, signal), [JSON.stringify(filter)]);
  // A new report or a step taken elsewhere shows up without reloading the page.
  useLiveEvents(['case.reported', 'case.changed'], list.reload);

  return (
    <Card title="案件办理" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={tab.key}
        onChange={(key) => update({ tab: key })}
        items={tabs.map((t) => ({ key: t.key, label: t.label }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="案件编号或标题"
          defaultValue={q}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ width: 220 }}
        />
        {!tab.filter.deadline && (
          <Select
            allowClear
            aria-label="时限"
            placeholder="时限状态"
            value={deadline}
            options={DEADLINE_OPTIONS}
            onChange={(value?: string) => update({ deadline: value })}
            style={{ width: 140 }}
          />
        )}
      </Space>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <CaseList page={list.data} loading={list.loading && !list.data} onPage={(p) => update({ page: String(p) })} />
      )}
    </Card>
  );
}
