import { App, Card, Col, Empty, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { COMMITMENT_STATE_LABELS } from '../../../../contracts/party-commitments.ts';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { needsCommunityPick } from '../../../shared/needs-community';
import { fetchHouseholdStatus, fetchWall, setHouseholdOptIn } from '../api';

/** A party member's own switch: show my home as 党员户 on the wall (opt-in, withdrawn any time). */
function OptInSwitch({ onChange }: { onChange: () => void }) {
  const { message } = App.useApp();
  const status = useAsync((s) => fetchHouseholdStatus(s), []);
  const [busy, setBusy] = useState(false);
  if (status.error || !status.data) return null;
  const { optedIn, hasHome } = status.data.data;
  const toggle = async (on: boolean) => {
    setBusy(true);
    try {
      await setHouseholdOptIn(on);
      message.success(on ? '已亮为党员户' : '已从连心墙撤下');
      status.reload();
      onChange();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small">
      <Space wrap>
        <Switch
          checked={optedIn}
          loading={busy}
          disabled={!hasHome}
          onChange={(on) => void toggle(on)}
          aria-label="亮为党员户"
        />
        <span>亮身份：将我家标为党员户，在本社区连心墙上展示姓名、楼栋和年度承诺</span>
        {!hasHome && <Typography.Text type="secondary">（党组织尚未登记您的家庭住址）</Typography.Text>}
      </Space>
    </Card>
  );
}

/** 党群连心墙: the community's party-member households and what they promised this year. */
export default function WallPage() {
  const me = useMe();
  const communities = useCommunities(me);
  const [picked, setPicked] = useState<number>();
  const options = communities.data ?? [];
  const communityId = picked ?? options[0]?.value;
  const waiting = needsCommunityPick(me) && !communityId;
  const wall = useAsync(
    (s) => (waiting ? Promise.resolve(undefined) : fetchWall(communityId, s)),
    [communityId, waiting],
  );
  if (wall.error) return <ErrorAlert error={wall.error} onRetry={wall.reload} />;
  const data = wall.data?.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {hasAbility(me, 'outreach.self') && <OptInSwitch onChange={wall.reload} />}
      <Card
        size="small"
        loading={wall.loading}
        title={data ? `${data.community} 党群连心墙（${data.year} 年）` : '党群连心墙'}
        extra={
          options.length > 1 && (
            <Select style={{ width: 160 }} value={communityId} options={options} onChange={setPicked} />
          )
        }
      >
        {!data?.households.length ? (
          <Empty description="本社区还没有亮身份的党员户" />
        ) : (
          <Row gutter={[12, 12]}>
            {data.households.map((h, i) => (
              <Col key={i} xs={24} sm={12} lg={8}>
                <Card
                  size="small"
                  data-testid="wall-entry"
                  title={
                    <>
                      <Tag color="red">党员户</Tag>
                      {h.name}
                    </>
                  }
                  extra={h.building}
                >
                  {h.commitments.length ? (
                    h.commitments.map((c, k) => (
                      <div key={k}>
                        承诺：{c.content} <Tag>{COMMITMENT_STATE_LABELS[c.state]}</Tag>
                      </div>
                    ))
                  ) : (
                    <Typography.Text type="secondary">本年度承诺尚未公开</Typography.Text>
                  )}
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}
