import { Alert, App, Card, Col, List, Progress, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LESSON_KIND_LABELS } from '../../../../contracts/school.ts';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { fetchCourse, submitExam } from '../api';
import { LessonView } from '../components/LessonView';
import { QuestionForm } from '../components/QuestionForm';

/** A course: its lessons (reader, player, quiz), then the final exam once every lesson is done. */
export default function CoursePage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const course = useAsync((s) => fetchCourse(id, s), [id]);
  const [open, setOpen] = useState<number | 'exam' | null>(null);
  const [examResult, setExamResult] = useState<string | null>(null);
  if (course.error) return <ErrorAlert error={course.error} onRetry={course.reload} />;
  if (!course.data) return <Skeleton active />;
  const c = course.data;
  const current =
    open === 'exam'
      ? null
      : (c.lessonList.find((l) => l.id === open) ?? c.lessonList.find((l) => !l.completed) ?? c.lessonList[0]);
  const done = c.lessonList.filter((l) => l.completed).length;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Card title={c.title} size="small" extra={<Link to="/school">目录</Link>}>
          <Progress percent={Math.floor((done * 100) / Math.max(1, c.lessonList.length))} />
          <List
            size="small"
            dataSource={c.lessonList}
            renderItem={(l) => (
              <List.Item
                style={{ cursor: 'pointer', fontWeight: current?.id === l.id ? 600 : undefined }}
                onClick={() => setOpen(l.id)}
                data-testid={`lesson-${l.sort}`}
              >
                {l.sort + 1}. {l.title} <Tag>{LESSON_KIND_LABELS[l.kind]}</Tag>
                {l.completed && <Tag color="green">已完成</Tag>}
              </List.Item>
            )}
          />
          {c.exam.length > 0 && (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => setOpen('exam')} data-testid="open-exam">
              结业考试（{c.passMark} 分合格，剩余 {c.attemptsLeft} 次）
              {c.mine?.passed && <Tag color="green">已合格</Tag>}
            </List.Item>
          )}
        </Card>
      </Col>
      <Col xs={24} md={16}>
        {open === 'exam' ? (
          <Card title="结业考试">
            {c.attempts.map((a) => (
              <Typography.Paragraph key={a.id} type="secondary">
                {formatTime(a.submittedAt)} 得分 {a.score} {a.passed ? '合格' : '不合格'}
              </Typography.Paragraph>
            ))}
            {examResult && (
              <Alert type={c.mine?.passed ? 'success' : 'warning'} message={examResult} style={{ marginBottom: 12 }} />
            )}
            {c.mine?.passed ? (
              <Result status="success" title="您已通过本课程考试" />
            ) : !c.mine?.completed ? (
              <Alert type="info" message="请先学完全部课时再参加考试" />
            ) : c.attemptsLeft === 0 ? (
              <Alert type="error" message="考试次数已用完" />
            ) : (
              <QuestionForm
                questions={c.exam}
                submitLabel="交卷"
                onSubmit={async (answers) => {
                  try {
                    const g = await submitExam(c.id, answers);
                    setExamResult(
                      `得分 ${g.score}（答对 ${g.correct}/${g.total}）${g.passed ? '，考试合格' : `，未合格，还可考 ${g.attemptsLeft} 次`}${g.pointsAwarded ? `，获得党员积分 ${g.pointsAwarded} 分` : ''}`,
                    );
                    course.reload();
                  } catch (e) {
                    message.error(errorMessage(e));
                  }
                }}
              />
            )}
          </Card>
        ) : current ? (
          <Card title={current.title}>
            <LessonView key={current.id} courseId={c.id} lesson={current} onChanged={course.reload} />
          </Card>
        ) : null}
      </Col>
    </Row>
  );
}
