import { useState } from 'react';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { useAsync } from '../../../shared/use-async';
import { fetchGrids } from '../../grid-map/api';
import { drawable } from '../../grid-map/shapes';
import { fetchMyAreaGrids, locate } from '../api';
import { PinMap, type Pin } from './PinMap';

interface Props {
  value: Pin | null;
  onChange: (pin: Pin) => void;
}

/**
 * Where the problem is: a pin on the grid map of the user's area (staff, who may read the
 * organisation), or the phone's position (everyone). The grid under the pin is shown at once,
 * the way the server will file the case.
 */
export function PinPicker({ value, onChange }: Props) {
  const me = useMe();
  // Staff see their own area; everyone else the grids of the community they live in.
  const mapNodeId = me.abilities.includes('org.read') && me.scope ? me.scope.nodeId : null;
  const grids = useAsync(
    (signal) => (mapNodeId ? fetchGrids(mapNodeId, signal) : fetchMyAreaGrids(signal)).catch(() => null),
    [mapNodeId],
  );
  const located = useAsync(
    (signal) => (value ? locate(value.lng, value.lat, signal) : Promise.resolve(undefined)),
    [value?.lng, value?.lat],
  );
  const [geoError, setGeoError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  const useMyPosition = () => {
    if (!('geolocation' in navigator)) {
      setGeoError('此设备不支持定位，请在地图上选点或填写地址');
      return;
    }
    setLocating(true);
    setGeoError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange({
          lng: Math.round(pos.coords.longitude * 1e6) / 1e6,
          lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
        });
      },
      () => {
        setLocating(false);
        setGeoError('无法获取当前位置，请允许定位或改为填写地址');
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const features = grids.data?.features.filter(drawable) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {grids.loading ? (
        <Spin description="正在加载网格地图…" />
      ) : (
        features.length > 0 && <PinMap features={features} pin={value} onPin={onChange} />
      )}
      <Space wrap>
        <Button icon={<AimOutlined />} loading={locating} onClick={useMyPosition}>
          使用当前位置
        </Button>
        <PinStatus value={value} loading={located.loading} grid={located.data} />
      </Space>
      {geoError && <Alert type="warning" showIcon title={geoError} />}
    </Space>
  );
}

function PinStatus({
  value,
  loading,
  grid,
}: {
  value: Pin | null;
  loading: boolean;
  grid: { name: string } | null | undefined;
}) {
  if (!value) return <Typography.Text type="secondary">尚未选点</Typography.Text>;
  if (loading) return <Spin size="small" />;
  if (grid === null) return <Typography.Text type="danger">该位置不在任何网格内，请重新选点或只填地址</Typography.Text>;
  return (
    <Typography.Text data-testid="pin-grid">
      已选点（{value.lng.toFixed(5)}, {value.lat.toFixed(5)}）{grid ? `，属于${grid.name}` : ''}
    </Typography.Text>
  );
}
