import { Card, List, Tag } from 'antd';
import { apiGet } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';

interface HouseholdMember {
  name: string;
  commitments: { year: number; content: string; state: string }[];
}
const STATE: Record<string, string> = { published: '践诺中', fulfilled: '已兑现', unfulfilled: '未兑现' };

/**
 * 党员户: when party members live in this house, the house is marked and shows who they are and
 * what they promised (亮身份、作承诺). Renders nothing for other houses.
 */
export function PartyHouseholdCard({ houseId }: { houseId: number }) {
  const household = useAsync(
    (signal) => apiGet<{ data: HouseholdMember[] }>(`/api/party/households/${houseId}`, { signal }).then((r) => r.data),
    [houseId],
  );
  const members = household.data ?? [];
  if (!members.length) return null;
  return (
    <Card
      title={
        <>
          <Tag color="red">党员户</Tag>亮身份、作承诺
        </>
      }
      size="small"
      data-testid="party-household"
    >
      <List
        size="small"
        dataSource={members}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={`${m.name}（共产党员）`}
              description={
                m.commitments.length
                  ? m.commitments
                      .map((c) => `${c.year} 年承诺：${c.content}（${STATE[c.state] ?? c.state}）`)
                      .join('；')
                  : '尚未发布承诺'
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
