import { Button, Card, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Phase } from '../../../../contracts/participation.ts';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { communityCodeOf, fetchConsultations, fetchSurveys, fetchVoteRounds } from '../api';
import { CreateConsultationModal } from '../components/CreateConsultationModal';
import { CreateSurveyModal } from '../components/CreateSurveyModal';
import { CreateVoteModal } from '../components/CreateVoteModal';
import { IntroEditor } from '../components/IntroEditor';
import { PhaseTag } from '../components/PhaseTag';

interface Row {
  id: number;
  title: string;
  communityName: string;
  opensAt: string;
  closesAt: string;
  phase: Phase;
  extra: string;
}

function ItemTable({ rows, loading, base }: { rows: Row[]; loading: boolean; base: string }) {
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: true }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`${base}/${r.id}`}>{t}</Link> },
        { title: '社区', dataIndex: 'communityName' },
        { title: '开始', dataIndex: 'opensAt', render: (t: string) => formatTime(t) },
        { title: '截止', dataIndex: 'closesAt', render: (t: string) => formatTime(t) },
        { title: '状态', dataIndex: 'phase', render: (p: Phase) => <PhaseTag phase={p} /> },
        { title: '参与', dataIndex: 'extra' },
      ]}
    />
  );
}

export default function ParticipationPage() {
  const me = useMe();
  const navigate = useNavigate();
  const manager = hasAbility(me, 'participation.manage');
  const communities = useCommunities(me);
  const [picked, setPicked] = useState<number>();
  const communityId = picked ?? communities.data?.[0]?.value;
  const [creating, setCreating] = useState<'consultation' | 'survey' | 'vote' | null>(null);
  const filter = manager ? communityId : undefined;
  const consultations = useAsync((s) => fetchConsultations(filter, s), [filter]);
  const surveys = useAsync((s) => fetchSurveys(filter, s), [filter]);
  const votes = useAsync((s) => fetchVoteRounds(filter, s), [filter]);
  const portalCode = manager
    ? communityCodeOf(me.scope?.level === 'community' ? me.scope.code : undefined)
    : communityCodeOf(me.scope?.code);
  const error = consultations.error ?? surveys.error ?? votes.error;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>居民参与</Typography.Title>
      <Card size="small">
        <Space wrap>
          {manager && (
            <Select
              style={{ minWidth: 200 }}
              placeholder="选择社区"
              options={communities.data ?? []}
              value={communityId}
              onChange={setPicked}
              aria-label="社区"
            />
          )}
          {manager && communityId && (
            <>
              <Button type="primary" onClick={() => setCreating('consultation')}>
                发布征求意见
              </Button>
              <Button onClick={() => setCreating('survey')}>发布问卷</Button>
              <Button onClick={() => setCreating('vote')}>发起微项目投票</Button>
              <IntroEditor communityId={communityId} />
            </>
          )}
          {portalCode && (
            <Link to={`/portal/${portalCode}`} target="_blank">
              打开社区门户（完美社区网）
            </Link>
          )}
        </Space>
      </Card>
      {error ? <ErrorAlert error={error} /> : null}
      <Tabs
        items={[
          {
            key: 'consultations',
            label: '征求意见',
            children: (
              <ItemTable
                base="/participation/consultations"
                loading={consultations.loading}
                rows={(consultations.data?.data ?? []).map((c) => ({ ...c, extra: `${c.comments} 条意见` }))}
              />
            ),
          },
          {
            key: 'surveys',
            label: '问卷调查',
            children: (
              <ItemTable
                base="/participation/surveys"
                loading={surveys.loading}
                rows={(surveys.data?.data ?? []).map((s) => ({
                  ...s,
                  extra: manager ? `${s.responses} 份答卷` : s.answeredByMe ? '已提交' : '未提交',
                }))}
              />
            ),
          },
          {
            key: 'votes',
            label: '微项目投票',
            children: (
              <ItemTable
                base="/participation/votes"
                loading={votes.loading}
                rows={(votes.data?.data ?? []).map((v) => ({
                  ...v,
                  extra: manager ? `${v.voters} 人已投票` : v.myVotes.length ? '已投票' : '未投票',
                }))}
              />
            ),
          },
        ]}
      />
      {creating && communityId && (
        <>
          {creating === 'consultation' && (
            <CreateConsultationModal
              communityId={communityId}
              onClose={() => setCreating(null)}
              onCreated={(id) => navigate(`/participation/consultations/${id}`)}
            />
          )}
          {creating === 'survey' && (
            <CreateSurveyModal
              communityId={communityId}
              onClose={() => setCreating(null)}
              onCreated={(id) => navigate(`/participation/surveys/${id}`)}
            />
          )}
          {creating === 'vote' && (
            <CreateVoteModal
              communityId={communityId}
              onClose={() => setCreating(null)}
              onCreated={(id) => navigate(`/participation/votes/${id}`)}
            />
          )}
        </>
      )}
    </Space>
  );
}
