import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Empty, Segmented, Skeleton, Space } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCatalogue } from '../api';
import { BookDialog } from '../components/BookDialog';
import { CommunityPicker } from '../components/CommunityPicker';
import { ItemCard } from '../components/ItemCard';
import { ProxyDialog } from '../components/ProxyDialog';
import { SERVICE_KIND_LABELS, type ServiceItem, type ServiceKind } from '../types';

/** 一站式服务: the community's catalogue as phone cards, with booking and proxy requests. */
export default function CataloguePage() {
  const me = useMe();
  // District and street accounts serve many communities: they pick one (the server has no "own" community for them).
  const above = me.scope?.level === 'district' || me.scope?.level === 'street';
  const [picked, setPicked] = useState<number | null>(null);
  const catalogue = useAsync(
    (s) => (above && !picked ? Promise.resolve(null) : fetchCatalogue(s, picked ?? undefined)),
    [above, picked],
  );
  const [kind, setKind] = useState<ServiceKind>('affairs');
  const [booking, setBooking] = useState<ServiceItem>();
  const [proxy, setProxy] = useState<ServiceItem>();
  const picker = above && (
    <Card size="small" title="一站式服务">
      <CommunityPicker value={picked} onChange={setPicked} />
    </Card>
  );
  if (catalogue.error) return <ErrorAlert error={catalogue.error} onRetry={catalogue.reload} />;
  if (above && !picked)
    return (
      <Space direction="vertical" style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
        {picker}
        <Empty description="请选择社区查看服务目录" />
      </Space>
    );
  if (!catalogue.data) return <Skeleton active />;
  const { data, abilities } = catalogue.data;
  const canBook = abilities.includes('book');
  const proxyFor = abilities.includes('proxy_for');
  const canPick = abilities.includes('pick_resident');
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      {picker}
      <Card
        size="small"
        title={`${data.community.name} · 一站式服务`}
        extra={
          <Space size={4}>
            {canBook && (
              <Link to="/services/mine">
                <Button size="small">我的预约</Button>
              </Link>
            )}
            {abilities.includes('manage') && (
              <Link to="/services/admin">
                <Button size="small">事项与驿站管理</Button>
              </Link>
            )}
          </Space>
        }
      >
        <Segmented
          block
          value={kind}
          onChange={(v) => setKind(v as ServiceKind)}
          options={Object.entries(SERVICE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Card>
      {data.items
        .filter((i) => i.kind === kind)
        .map((item) => (
          <ItemCard
            key={item.id}
            item={item}
            canBook={canBook && data.stations.length > 0}
            canProxy={canBook || proxyFor}
            onBook={() => setBooking(item)}
            onProxy={() => setProxy(item)}
          />
        ))}
      {booking && (
        <BookDialog
          item={booking}
          stations={data.stations}
          onClose={() => setBooking(undefined)}
          onDone={catalogue.reload}
        />
      )}
      {proxy && (
        <ProxyDialog
          item={proxy}
          onBehalf={proxyFor}
          canPick={canPick}
          pickRequired={!canBook}
          onClose={() => setProxy(undefined)}
          onDone={catalogue.reload}
        />
      )}
    </Space>
  );
}
