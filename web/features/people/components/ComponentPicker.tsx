import { Select } from 'antd';
import { apiGet } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';

interface ComponentFeature { geometry: { coordinates: [number, number] }; properties: { id: number; componentCode: string; name: string; state: string } }

/** Metres between two nearby WGS84 points (equirectangular: exact enough within a grid). */
function metres(a: [number, number], b: [number, number]): number {
  const k = Math.PI / 180, x = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * k), y = b[1] - a[1];
  return Math.sqrt(x * x + y * y) * k * 6_371_000;
}

/**
 * Picks a city component near a map pin (case reporting): components within ~200 m, nearest first.
 * For the cases feature's report form; the grid map draws the same GeoJSON endpoint as a layer.
 */
export function ComponentPicker({ lng, lat, value, onChange }: { lng: number; lat: number; value?: number; onChange: (id: number | undefined) => void }) {
  const d = 0.002;
  const nearby = useAsync((signal) => apiGet<{ features: ComponentFeature[] }>(`/api/people/components/geojson?bbox=${lng - d},${lat - d},${lng + d},${lat + d}&limit=200`, { signal })
    .then((fc) => fc.features.map((f) => ({ ...f.properties, metres: metres([lng, lat], f.geometry.coordinates) })).sort((a, b) => a.metres - b.metres)), [lng, lat]);
  return (
    <Select allowClear showSearch optionFilterProp="label" placeholder="选择附近的城市部件（可选）" loading={nearby.loading} value={value} onChange={onChange} style={{ width: '100%' }}
      options={(nearby.data ?? []).map((c) => ({ value: c.id, label: `${c.name} ${c.componentCode}（${c.state}，${Math.round(c.metres)} 米）` }))} />
  );
}
