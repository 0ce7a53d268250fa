import { App, Button, Card, Checkbox, Form, Input, Radio, Result, Space, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { answerSurvey, fetchSurvey, fetchSurveyResults, type Answer } from '../api';
import { PhaseTag } from '../components/PhaseTag';
import { SurveyResultsView } from '../components/SurveyResultsView';

export default function SurveyPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answers: Answer[] }>();
  const item = useAsync((s) => fetchSurvey(id, s), [id]);
  const manager = item.data?.abilities.includes('manage') ?? false;
  const results = useAsync((s) => (manager ? fetchSurveyResults(id, s) : Promise.resolve(null)), [id, manager]);
  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Card loading />;
  const survey = item.data.data;
  const canAnswer = item.data.abilities.includes('answer') && !survey.answeredByMe;
  const submit = async (values: { answers: Answer[] }) => {
    try {
      await answerSurvey(
        id,
        survey.questions.map((_, i) => values.answers?.[i] ?? null),
      );
      message.success('问卷已提交，感谢参与');
      item.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>
        {survey.title} <PhaseTag phase={survey.phase} />
      </Typography.Title>
      <Typography.Text type="secondary">
        {survey.communityName} · {formatTime(survey.opensAt)} 至 {formatTime(survey.closesAt)}
      </Typography.Text>
      {survey.intro && <Typography.Paragraph>{survey.intro}</Typography.Paragraph>}
      {survey.answeredByMe && <Result status="success" title="您已提交本问卷" />}
      {canAnswer && (
        <Card size="small" title="填写问卷">
          <Form form={form} layout="vertical" onFinish={submit}>
            {survey.questions.map((q, i) => (
              <Form.Item
                key={i}
                name={['answers', i]}
                label={`${i + 1}. ${q.title}`}
                rules={q.required ? [{ required: true, message: '此题为必答题' }] : []}
              >
                {q.kind === 'single' ? (
                  <Radio.Group options={q.options.map((o, v) => ({ label: o, value: v }))} />
                ) : q.kind === 'multiple' ? (
                  <Checkbox.Group options={q.options.map((o, v) => ({ label: o, value: v }))} />
                ) : (
                  <Input.TextArea rows={2} maxLength={1000} />
                )}
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit">
              提交问卷
            </Button>
          </Form>
        </Card>
      )}
      {manager &&
        (results.error ? (
          <ErrorAlert error={results.error} onRetry={results.reload} />
        ) : results.data ? (
          <SurveyResultsView results={results.data.data} />
        ) : (
          <Card loading />
        ))}
    </Space>
  );
}
