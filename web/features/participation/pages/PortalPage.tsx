import { Card, Col, Collapse, Empty, Layout, List, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { DECISION_STEP_LABELS, type DecisionStepKind } from '../../../../contracts/meetings.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatDate, formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { fetchPortal, portalAttachmentUrl } from '../api';
import { PhaseTag } from '../components/PhaseTag';
import { VoteResultsView } from '../components/VoteResultsView';

const stepLabel = (kind: string) => DECISION_STEP_LABELS[kind as DecisionStepKind] ?? kind;

/** 完美社区网: a community's public page, open to anyone without signing in; only published items, no names. */
export default function PortalPage() {
  const code = useParams().communityCode ?? '';
  const portal = useAsync((s) => fetchPortal(code, s), [code]);
  if (portal.error) return <Result status="404" title="社区门户不存在" extra={<ErrorAlert error={portal.error} />} />;
  if (!portal.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const p = portal.data.data;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#c8161d', color: '#fff', display: 'flex', alignItems: 'center' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
          {p.community.name} · 完美社区网
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card title="社区简介" size="small">
            <Typography.Paragraph>{p.community.intro}</Typography.Paragraph>
            <Typography.Text type="secondary">所属街道：{p.community.streetName}</Typography.Text>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card title="社区公告" size="small">
                <List
                  dataSource={p.notices}
                  locale={{ emptyText: '暂无公告' }}
                  renderItem={(n) => (
                    <List.Item>
                      <List.Item.Meta title={`${n.title}（${formatDate(n.publishedAt)}）`} description={n.body} />
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title="征求意见" size="small">
                {p.consultations.length ? (
                  <Collapse
                    items={p.consultations.map((c) => ({
                      key: c.id,
                      label: (
                        <span>
                          {c.title} <PhaseTag phase={c.phase} />
                        </span>
                      ),
                      children: (
                        <Space direction="vertical">
                          <Typography.Text type="secondary">
                            {formatTime(c.opensAt)} 至 {formatTime(c.closesAt)}
                          </Typography.Text>
                          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
                          {c.attachments.map((a) => (
                            <a key={a.id} href={portalAttachmentUrl(code, a.id)}>
                              📎 {a.name}
                            </a>
                          ))}
                          {c.responseSummary && (
                            <Typography.Paragraph>
                              <Tag color="green">采纳情况</Tag>
                              {c.responseSummary}
                            </Typography.Paragraph>
                          )}
                          <Typography.Text type="secondary">本社区居民登录后可发表意见。</Typography.Text>
                        </Space>
                      ),
                    }))}
                  />
                ) : (
                  <Empty description="暂无征求意见" />
                )}
              </Card>
            </Col>
          </Row>
          <Card title="微项目投票结果" size="small">
            {p.voteResults.length ? (
              p.voteResults.map((r) => (
                <Card
                  key={r.id}
                  type="inner"
                  size="small"
                  title={`${r.title}（${formatDate(r.closedAt)} 结束）`}
                  style={{ marginBottom: 12 }}
                >
                  <VoteResultsView results={r.results} budgetCapYuan={r.budgetCapYuan} chart={false} />
                </Card>
              ))
            ) : (
              <Empty description="暂无已结束的投票" />
            )}
          </Card>
          <Card title="四议两公开" size="small">
            <List
              dataSource={p.decisions}
              locale={{ emptyText: '暂无公开事项' }}
              renderItem={(d) => (
                <List.Item>
                  <List.Item.Meta
                    title={d.title}
                    description={
                      <Space direction="vertical">
                        <span>{d.summary}</span>
                        {d.votes.map((v) => (
                          <span key={v.kind}>
                            {stepLabel(v.kind)}：赞成 {v.votesFor ?? 0}，反对 {v.votesAgainst ?? 0}，弃权{' '}
                            {v.votesAbstain ?? 0}
                          </span>
                        ))}
                        {d.published.map((s) => (
                          <span key={s.kind}>
                            <Tag>{stepLabel(s.kind)}</Tag>
                            {s.note}（{formatDate(s.recordedAt)}）
                          </span>
                        ))}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </Layout.Content>
    </Layout>
  );
}
