import { Card, List, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { QUESTION_KIND_LABELS } from '../../../../contracts/participation.ts';
import type { SurveyResults } from '../api';

const ResultBarChart = lazy(() => import('./ResultBarChart'));

/** Staff's view of a survey: a bar chart per choice question, the texts of text questions (no names). */
export function SurveyResultsView({ results }: { results: SurveyResults }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>共回收 {results.responses} 份答卷</Typography.Text>
      {results.questions.map((q, i) => (
        <Card
          key={i}
          size="small"
          title={`${i + 1}. ${q.title}（${QUESTION_KIND_LABELS[q.kind]}，${q.answered} 人作答）`}
        >
          {q.kind === 'text' ? (
            <List
              size="small"
              dataSource={q.texts}
              locale={{ emptyText: '暂无填写' }}
              renderItem={(t) => <List.Item>{t}</List.Item>}
            />
          ) : (
            <Suspense fallback={<div style={{ height: 120 }} />}>
              <ResultBarChart
                unit="人"
                label={`第 ${i + 1} 题统计图`}
                bars={q.counts.map((c) => ({ name: c.option, value: c.count }))}
              />
            </Suspense>
          )}
        </Card>
      ))}
    </Space>
  );
}
