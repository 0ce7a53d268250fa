import { Card, Descriptions, Empty, Tag } from 'antd';
import { COMMITMENT_STATE_LABELS } from '../../../../contracts/party-commitments.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchMyZone } from '../api';

/** 我的一区两员: the responsibility zone of my building, its 责任党员 and 服务专员. */
export default function MyZonePage() {
  const zone = useAsync((s) => fetchMyZone(s), []);
  if (zone.error) return <ErrorAlert error={zone.error} onRetry={zone.reload} />;
  const z = zone.data?.data;
  return (
    <Card size="small" title="我的一区两员" loading={zone.loading}>
      {!z ? (
        <Empty description="您所在的楼栋尚未划入责任区" />
      ) : (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="责任区">{z.name}</Descriptions.Item>
          <Descriptions.Item label="包含楼栋">{z.buildings.map((b) => b.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="责任党员">{z.responsibilityMember.name}</Descriptions.Item>
          <Descriptions.Item label="党员承诺">
            {z.commitments.length
              ? z.commitments.map((c, i) => (
                  <div key={i}>
                    {c.content} <Tag>{COMMITMENT_STATE_LABELS[c.state]}</Tag>
                  </div>
                ))
              : '本年度承诺尚未公开'}
          </Descriptions.Item>
          <Descriptions.Item label="服务专员">
            {z.serviceMember.name}
            {z.serviceMember.phone && (
              <>
                {' '}
                <a href={`tel:${z.serviceMember.phone}`}>{z.serviceMember.phone}</a>
              </>
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
