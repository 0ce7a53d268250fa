import { Alert, App, Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { LessonView as Lesson } from '../../../../contracts/school.ts';
import { errorMessage } from '../../../shared/api';
import { reportProgress, submitQuiz, videoUrl } from '../api';
import { QuestionForm } from './QuestionForm';

/** Seconds between time reports while a lesson is open. */
const REPORT_EVERY = 30;

/**
 * One lesson: a document to read, a video to watch, or a quiz. Study time is counted while the
 * lesson is open and reported every half minute, on finishing and on leaving.
 */
export function LessonView({
  courseId,
  lesson,
  onChanged,
}: {
  courseId: number;
  lesson: Lesson;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const unreported = useRef(0);
  const [result, setResult] = useState<string | null>(null);
  const lessonId = lesson.id;

  useEffect(() => {
    setResult(null);
    unreported.current = 0;
    // Time only: progress 0 never lowers what was reached (the server keeps the greatest).
    const flush = () => {
      const seconds = unreported.current;
      unreported.current = 0;
      if (seconds > 0) reportProgress(courseId, lessonId, { seconds, progress: 0 }).catch(() => undefined);
    };
    const tick = setInterval(() => {
      unreported.current += 1;
      if (unreported.current >= REPORT_EVERY) flush();
    }, 1000);
    return () => {
      clearInterval(tick);
      flush();
    };
  }, [courseId, lessonId]);

  async function finish() {
    const seconds = unreported.current;
    unreported.current = 0;
    try {
      await reportProgress(courseId, lesson.id, { seconds, progress: 100 });
      message.success('本课时已完成');
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  if (lesson.kind === 'quiz')
    return (
      <>
        {result && (
          <Alert style={{ marginBottom: 12 }} type={lesson.completed ? 'success' : 'warning'} message={result} />
        )}
        <QuestionForm
          questions={lesson.questions}
          submitLabel="提交测验"
          onSubmit={async (answers) => {
            try {
              const g = await submitQuiz(courseId, lesson.id, answers);
              setResult(
                `得分 ${g.score}（答对 ${g.correct}/${g.total}）${g.passed ? '，测验通过' : '，未达合格分，可重新作答'}`,
              );
              onChanged();
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        />
      </>
    );
  return (
    <>
      {lesson.kind === 'video' &&
        (lesson.hasVideoFile ? (
          <video
            data-testid="lesson-video"
            src={videoUrl(courseId, lesson.id)}
            controls
            style={{ width: '100%', maxHeight: 420, background: '#000' }}
            onEnded={() => void finish()}
          />
        ) : lesson.videoUrl ? (
          <Alert
            type="info"
            message={
              <a href={lesson.videoUrl} target="_blank" rel="noreferrer">
                打开视频（外部平台）
              </a>
            }
          />
        ) : (
          <Alert type="warning" message="视频尚未上传" />
        ))}
      {lesson.body && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.9, marginTop: 12 }}>
          {lesson.body}
        </Typography.Paragraph>
      )}
      <Space>
        <Button type="primary" onClick={() => void finish()} disabled={lesson.completed}>
          {lesson.completed ? '已学完' : '学完本课'}
        </Button>
        <Typography.Text type="secondary">
          建议学时 {lesson.minutes} 分钟 · 已学 {Math.round(lesson.seconds / 60)} 分钟
        </Typography.Text>
      </Space>
    </>
  );
}
