import { useEffect, useState } from 'react';
import { Alert, Checkbox, Space, Spin } from 'antd';
import { errorMessage } from '../../../shared/api';
import { fetchStreets, type StreetDivision } from '../api';

/** Tick the streets and towns (街道、乡镇) this install governs; more can be added later. */
export function StreetPicker({
  districtCode,
  value,
  onChange,
}: {
  districtCode: string;
  value: string[];
  onChange: (codes: string[]) => void;
}) {
  const [streets, setStreets] = useState<StreetDivision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setStreets(null);
    fetchStreets(districtCode).then(
      (s) => live && setStreets(s),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [districtCode]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!streets) return <Spin />;
  const all = streets.length > 0 && value.length === streets.length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Checkbox
        checked={all}
        indeterminate={value.length > 0 && !all}
        onChange={(e) => onChange(e.target.checked ? streets.map((s) => s.code) : [])}
      >
        全选（共 {streets.length} 个）
      </Checkbox>
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange(v as string[])}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 8 }}
      >
        {streets.map((s) => (
          <Checkbox key={s.code} value={s.code}>
            {s.name}
            <span style={{ color: '#999', marginLeft: 4 }}>{s.code}</span>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Space>
  );
}
