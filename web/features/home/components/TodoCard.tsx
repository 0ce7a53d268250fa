import { Link } from 'react-router-dom';
import { Card, Col, Empty, Row, Statistic } from 'antd';
import type { TodoItem } from '../../../../contracts/todos.ts';
import { apiGet } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';

async function fetchTodos(signal: AbortSignal): Promise<TodoItem[]> {
  return (await apiGet<{ data: { items: TodoItem[] } }>('/api/me/todos', { signal })).data.items;
}

/** 我的待办: the counts the person acts on, each a link to the page where they do it. */
export function TodoCard() {
  const { data, error, loading, reload } = useAsync(fetchTodos, []);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  return (
    <Card title="我的待办" loading={loading}>
      {data && data.length === 0 && <Empty description="暂无待办事项" />}
      <Row gutter={[16, 16]}>
        {data?.map((item) => (
          <Col key={item.key} xs={12} md={8} xl={6}>
            <Link to={item.path} data-testid={`todo-${item.key}`}>
              <Card size="small" hoverable>
                <Statistic
                  title={item.label}
                  value={item.count}
                  suffix={item.target !== null ? `/ ${item.target} ${item.unit}` : item.unit}
                  styles={{ content: { color: item.tone === 'warning' ? '#cf1322' : undefined } }}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
