import { Alert, App, Button, Card, Checkbox, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { castBallot, closeRound, fetchVoteResults, fetchVoteRound } from '../api';
import { PhaseTag } from '../components/PhaseTag';
import { VoteResultsView } from '../components/VoteResultsView';

export default function VotePage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<number[]>([]);
  const item = useAsync((s) => fetchVoteRound(id, s), [id]);
  const round = item.data?.data;
  const manager = item.data?.abilities.includes('manage') ?? false;
  // Residents see results once the round is closed; staff follow them all along.
  const showResults = Boolean(round && (manager || round.phase === 'closed'));
  const results = useAsync(
    (s) => (showResults ? fetchVoteResults(id, s) : Promise.resolve(null)),
    [id, showResults, round?.voters],
  );
  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!round) return <Card loading />;
  const canVote = item.data!.abilities.includes('vote') && round.myVotes.length === 0;
  const vote = () =>
    castBallot(id, chosen).then(
      () => {
        message.success('投票成功');
        item.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  const close = () =>
    closeRound(id).then(
      () => {
        message.success('投票已结束');
        item.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>
        {round.title} <PhaseTag phase={round.phase} />
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="社区">{round.communityName}</Descriptions.Item>
          <Descriptions.Item label="时间">
            {formatTime(round.opensAt)} 至 {formatTime(round.closedAt ?? round.closesAt)}
          </Descriptions.Item>
          <Descriptions.Item label="每人票数">{round.votesPerResident} 票（每个项目 1 票）</Descriptions.Item>
        </Descriptions>
        {round.description && <Typography.Paragraph>{round.description}</Typography.Paragraph>}
        {manager && round.phase !== 'closed' && (
          <Popconfirm title="结束后不再接受投票，结果不可更改。确定结束？" onConfirm={close}>
            <Button danger>结束投票</Button>
          </Popconfirm>
        )}
      </Card>
      {round.myVotes.length > 0 && (
        <Alert type="success" showIcon title={`您已投票（${round.myVotes.length} 个项目）`} />
      )}
      <Card size="small" title="候选项目">
        <Checkbox.Group
          style={{ width: '100%' }}
          value={canVote ? chosen : round.myVotes}
          disabled={!canVote}
          onChange={(v) => setChosen((v as number[]).slice(0, round.votesPerResident))}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {round.projects.map((p) => (
              <Checkbox key={p.id} value={p.id}>
                <b>{p.title}</b>（预算 {p.budgetYuan.toLocaleString('zh-CN')} 元）— {p.description}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
        {canVote && (
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" disabled={!chosen.length} onClick={vote}>
              投票（已选 {chosen.length}/{round.votesPerResident}）
            </Button>
            <Typography.Text type="secondary">每人只能投一次，提交后不能修改。</Typography.Text>
          </Space>
        )}
      </Card>
      {showResults && (
        <Card size="small" title={round.phase === 'closed' ? '投票结果' : '实时票数（仅工作人员可见）'}>
          {results.error ? (
            <ErrorAlert error={results.error} onRetry={results.reload} />
          ) : results.data ? (
            <VoteResultsView results={results.data.data} budgetCapYuan={round.budgetCapYuan} />
          ) : null}
        </Card>
      )}
    </Space>
  );
}
