import { Link } from 'react-router-dom';
import { Button, Card, Empty, List, Progress, Segmented, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../../contracts/school.ts';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCourses } from '../api';

/** 课程目录: what the user may study (or edit), with their own progress. */
export default function CatalogPage() {
  const me = useMe();
  const courses = useAsync((s) => fetchCourses(s), []);
  const [audience, setAudience] = useState<Audience | 'all'>('all');
  if (courses.error) return <ErrorAlert error={courses.error} onRetry={courses.reload} />;
  if (!courses.data) return <Skeleton active />;
  const shown = courses.data.filter((c) => audience === 'all' || c.audiences.includes(audience));
  return (
    <Card
      title="手机党校 · 网格学院"
      style={{ maxWidth: 860, margin: '0 auto' }}
      extra={
        me.abilities.includes('school.manage') && (
          <Link to="/school/new">
            <Button type="primary">新建课程</Button>
          </Link>
        )
      }
    >
      <Segmented
        value={audience}
        onChange={(v) => setAudience(v as Audience | 'all')}
        options={[
          { value: 'all', label: '全部' },
          ...Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label: `${label}课程` })),
        ]}
        style={{ marginBottom: 12 }}
      />
      {!shown.length ? (
        <Empty description="暂无课程" />
      ) : (
        <List
          dataSource={shown}
          renderItem={(c) => (
            <List.Item
              actions={[
                c.canEdit && (
                  <Link key="edit" to={`/school/${c.id}/edit`}>
                    编辑
                  </Link>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/school/${c.id}`}>{c.title}</Link>
                    {!c.published && <Tag>草稿</Tag>}
                    {c.audiences.map((a) => (
                      <Tag key={a} color="red">
                        {AUDIENCE_LABELS[a]}
                      </Tag>
                    ))}
                    {c.mine?.passed && <Tag color="green">已合格</Tag>}
                  </Space>
                }
                description={`${c.nodeName} · ${c.lessons} 课时${c.hasExam ? ` · 结业考试 ${c.passMark} 分合格` : ''}　${c.summary}`}
              />
              {c.mine && <Progress type="circle" size={44} percent={c.mine.progress} />}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
