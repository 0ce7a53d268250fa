import { Card, Col, Empty, List, Row, Tag } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchPropertyList } from '../api';

/** 红色物业双色榜 of a street's latest month: readable by everyone living or working in it. */
export function TwoColourList({ streetId }: { streetId: number }) {
  const list = useAsync((s) => fetchPropertyList(streetId, s), [streetId]);
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  const data = list.data;
  return (
    <Card
      size="small"
      loading={list.loading}
      title={data ? `${data.street.name} · 红色物业榜${data.run ? `（${data.run.period}）` : ''}` : '红色物业榜'}
    >
      {data && !data.run ? (
        <Empty description="本月榜单尚未发布" />
      ) : (
        <Row gutter={12}>
          <Col span={12}>
            <List
              size="small"
              header={<Tag color="red">红榜</Tag>}
              dataSource={data?.red ?? []}
              locale={{ emptyText: '无' }}
              renderItem={(r) => <List.Item extra={`${r.score} 分`}>{r.subjectName}</List.Item>}
            />
          </Col>
          <Col span={12}>
            <List
              size="small"
              header={<Tag color="gold">黄榜</Tag>}
              dataSource={data?.yellow ?? []}
              locale={{ emptyText: '无' }}
              renderItem={(r) => <List.Item extra={`${r.score} 分`}>{r.subjectName}</List.Item>}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
