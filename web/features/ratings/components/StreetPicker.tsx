import { Select } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { useAsync } from '../../../shared/use-async';
import { fetchStreets } from '../api';

/** District staff choose a street; everyone else is in exactly one. */
export function StreetPicker({ value, onChange }: { value: number | null; onChange: (id: number) => void }) {
  const me = useMe();
  const district = me.scope?.level === 'district';
  const streets = useAsync((s) => (district ? fetchStreets(me.scope!.nodeId, s) : Promise.resolve([])), [district]);
  if (!district) return null;
  return (
    <Select
      style={{ minWidth: 220 }}
      placeholder="选择街道"
      loading={streets.loading}
      value={value ?? undefined}
      onChange={onChange}
      options={streets.data?.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
