import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchMyHouseholds, type HouseholdView } from '../api';

/** The households I keep, this round's visits marked: a list sized for a phone on the doorstep. */
export default function MyHouseholdsPage() {
  const list = useAsync((s) => fetchMyHouseholds(s), []);
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  const round = list.data?.data.round ?? null;
  const households = list.data?.data.households ?? [];
  const visited = households.filter((h) => h.visitedOn).length;
  return (
    <Card size="small" title="我的联系户" loading={list.loading}>
      <Typography.Paragraph type="secondary">
        {round
          ? `${round.title}（${round.startsOn} 至 ${round.endsOn}）：已走访 ${visited} / ${households.length} 户`
          : '当前没有进行中的走访轮次'}
      </Typography.Paragraph>
      {households.length === 0 ? (
        <Empty description="暂未分配联系户" />
      ) : (
        <List<HouseholdView>
          dataSource={households}
          renderItem={(h) => (
            <List.Item
              data-testid={`household-${h.houseNodeId}`}
              actions={[
                <Link key="visit" to={`/contact/visit/${h.houseNodeId}`}>
                  <Button type={h.visitedOn ? 'default' : 'primary'} size="large">
                    记录走访
                  </Button>
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={h.address}
                description={
                  <Space wrap size={4}>
                    {h.ownerName && <span>户主：{h.ownerName}</span>}
                    {round &&
                      (h.visitedOn ? (
                        <Tag color="green">本轮已走访 {h.visitedOn}</Tag>
                      ) : (
                        <Tag color="orange">本轮未走访</Tag>
                      ))}
                    {h.lastVisitedOn && <span>上次走访：{h.lastVisitedOn}</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
