import { Select } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchNearbyComponents } from '../api';
import { componentLabel } from '../house-format';

/**
 * Picks a city component (部件) near a map pin when reporting a case: the components within 150 m,
 * nearest first. The value is the component's 16-digit national code, which is what a case keeps
 * (`componentId` of the report contract). Used by the cases feature's report form.
 */
export function ComponentPicker({
  lng,
  lat,
  value,
  onChange,
}: {
  lng: number;
  lat: number;
  value?: string;
  onChange: (code: string | undefined) => void;
}) {
  const nearby = useAsync((signal) => fetchNearbyComponents(lng, lat, 150, signal), [lng, lat]);
  const options = (nearby.data ?? []).map((c) => ({ value: c.componentCode, label: componentLabel(c) }));
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      loading={nearby.loading}
      value={value}
      onChange={(v?: string) => onChange(v ?? undefined)}
      style={{ width: '100%' }}
      placeholder={
        nearby.error !== undefined
          ? '附近部件暂时无法加载（可不选）'
          : options.length || nearby.loading
            ? '选择附近的城市部件（可选）'
            : '150 米内没有登记的城市部件'
      }
      notFoundContent="150 米内没有登记的城市部件"
      options={options}
    />
  );
}
