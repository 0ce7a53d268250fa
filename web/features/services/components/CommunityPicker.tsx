import { useState } from 'react';
import { Select, Space } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { useAsync } from '../../../shared/use-async';
import { fetchChildren } from '../../meetings/api';

/**
 * The community whose catalogue is managed: a community's staff have exactly one; street staff
 * pick among their communities; district staff pick a street first.
 */
export function CommunityPicker({ value, onChange }: { value: number | null; onChange: (id: number) => void }) {
  const me = useMe();
  const level = me.scope?.level;
  const [street, setStreet] = useState<number | null>(level === 'street' ? me.scope!.nodeId : null);
  const streets = useAsync(
    (s) => (level === 'district' ? fetchChildren(me.scope!.nodeId, s) : Promise.resolve([])),
    [level],
  );
  const communities = useAsync((s) => (street ? fetchChildren(street, s) : Promise.resolve([])), [street]);
  if (level === 'community' || !level) return null;
  return (
    <Space wrap>
      {level === 'district' && (
        <Select
          style={{ minWidth: 180 }}
          placeholder="选择街道"
          loading={streets.loading}
          value={street ?? undefined}
          onChange={setStreet}
          options={streets.data?.filter((n) => n.level === 'street').map((n) => ({ value: n.id, label: n.name }))}
        />
      )}
      <Select
        style={{ minWidth: 200 }}
        placeholder="选择社区"
        loading={communities.loading}
        value={value ?? undefined}
        onChange={onChange}
        data-testid="community-picker"
        options={communities.data?.filter((n) => n.level === 'community').map((n) => ({ value: n.id, label: n.name }))}
      />
    </Space>
  );
}
