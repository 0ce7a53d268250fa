import { Button, Card, Empty, Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { needsCommunityPick } from '../../../shared/needs-community';
import { fetchCoverage, fetchRounds, type CoverageRow } from '../api';
import { AssignDialog, NewRoundDialog } from './ContactDialogs';

const pct = (v: number) => <Progress percent={v} size="small" status={v >= 100 ? 'success' : 'normal'} />;

/** A round's coverage per grid (assigned, visited, %, opinions, cases), for secretaries and grid workers. */
export default function CoveragePage() {
  const me = useMe();
  const communities = useCommunities(me);
  const [picked, setCommunityId] = useState<number>();
  const [roundId, setRoundId] = useState<number>();
  const [dialog, setDialog] = useState<'round' | 'assign' | null>(null);
  const options = communities.data ?? [];
  // A street account picks among its communities; others work in their own (the server's default).
  const communityId = picked ?? (options.length > 1 || needsCommunityPick(me) ? options[0]?.value : undefined);
  const waiting = needsCommunityPick(me) && !communityId;
  const rounds = useAsync(
    (s) => (waiting ? Promise.resolve(undefined) : fetchRounds(communityId, s)),
    [communityId, waiting],
  );
  const list = rounds.data?.data ?? [];
  const chosen = roundId && list.some((r) => r.id === roundId) ? roundId : list[0]?.id;
  const coverage = useAsync((s) => (chosen ? fetchCoverage(chosen, s) : Promise.resolve(null)), [chosen]);
  const canManage = rounds.data?.abilities.includes('manage') ?? false;
  const ownCommunity = communityId ?? (me.scope?.level === 'community' ? me.scope.nodeId : undefined);

  if (rounds.error) return <ErrorAlert error={rounds.error} onRetry={rounds.reload} />;
  if (coverage.error) return <ErrorAlert error={coverage.error} onRetry={coverage.reload} />;
  const data = coverage.data?.data;
  return (
    <Card
      size="small"
      title="联户走访覆盖"
      extra={
        canManage && (
          <Space>
            <Button onClick={() => setDialog('assign')}>分配联系户</Button>
            {ownCommunity && (
              <Button type="primary" onClick={() => setDialog('round')}>
                新建轮次
              </Button>
            )}
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {options.length > 1 && (
          <Select style={{ width: 180 }} value={communityId} options={options} onChange={setCommunityId} />
        )}
        <Select
          style={{ width: 320 }}
          placeholder="选择走访轮次"
          value={chosen}
          onChange={setRoundId}
          options={list.map((r) => ({ value: r.id, label: `${r.title}（${r.startsOn} 至 ${r.endsOn}）` }))}
        />
      </Space>
      {!list.length && !rounds.loading ? (
        <Empty description="尚未设置走访轮次" />
      ) : (
        <>
          {data && (
            <Typography.Paragraph data-testid="coverage-total">
              联系户 {data.total.assigned} 户，本轮已走访 {data.total.visited} 户（覆盖率 {data.total.coveredPct}
              %），收集意见 {data.total.opinions} 条，转为案件 {data.total.cases} 件
            </Typography.Paragraph>
          )}
          <Table<CoverageRow>
            rowKey={(r) => r.gridId ?? 0}
            size="small"
            loading={coverage.loading}
            dataSource={data ? [...data.grids, data.total] : []}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: '网格', dataIndex: 'gridName' },
              { title: '联系户', dataIndex: 'assigned' },
              { title: '已走访', dataIndex: 'visited' },
              { title: '覆盖率', dataIndex: 'coveredPct', width: 180, render: pct },
              { title: '意见建议', dataIndex: 'opinions' },
              { title: '转为案件', dataIndex: 'cases' },
            ]}
          />
        </>
      )}
      {dialog === 'round' && ownCommunity && (
        <NewRoundDialog
          communityId={ownCommunity}
          nextNo={(list[0]?.no ?? 0) + 1}
          onClose={() => setDialog(null)}
          onDone={rounds.reload}
        />
      )}
      {dialog === 'assign' && (
        <AssignDialog communityId={communityId} onClose={() => setDialog(null)} onDone={coverage.reload} />
      )}
    </Card>
  );
}
