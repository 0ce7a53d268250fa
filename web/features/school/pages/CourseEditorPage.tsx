import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Switch,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { AUDIENCE_LABELS, LESSON_KIND_LABELS, type Audience, type LessonKind } from '../../../../contracts/school.ts';
import { errorMessage } from '../../../shared/api';
import { formErrorMessage } from '../../../shared/form-errors';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { useAsync } from '../../../shared/use-async';
import { fetchCourseEdit, saveCourse, uploadVideo } from '../api';
import { QuestionListField, fromDraft, toDraft, type QuestionDraft } from '../components/QuestionListField';

interface LessonDraft {
  id?: number;
  title: string;
  kind: LessonKind;
  body: string;
  videoUrl: string | null;
  minutes: number;
  questions: QuestionDraft[];
}
interface CourseDraft {
  nodeId: number;
  title: string;
  summary: string;
  audiences: Audience[];
  passMark: number;
  maxAttempts: number;
  published: boolean;
  lessons: LessonDraft[];
  exam: QuestionDraft[];
}
const FIELDS = [
  'nodeId',
  'title',
  'summary',
  'audiences',
  'passMark',
  'maxAttempts',
  'published',
  'lessons',
  'exam',
] as const;
const NEW: Partial<CourseDraft> = {
  audiences: ['member'],
  passMark: 60,
  maxAttempts: 3,
  published: false,
  lessons: [{ title: '', kind: 'document', body: '', videoUrl: null, minutes: 10, questions: [] }],
  exam: [],
};

/** 课程编辑: the course, its lessons (text, video, quiz) and its exam; videos upload into the file store. */
export default function CourseEditorPage() {
  const id = useParams().id ? Number(useParams().id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CourseDraft>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useAsync(async (s) => (id ? fetchCourseEdit(id, s) : null), [id]);
  useEffect(() => {
    if (existing.data)
      form.setFieldsValue({
        ...existing.data,
        lessons: existing.data.lessons.map((l) => ({ ...l, questions: l.questions.map(toDraft) })),
        exam: existing.data.exam.map(toDraft),
      });
  }, [existing.data, form]);
  if (id && !existing.data)
    return existing.error ? <Alert type="error" message={errorMessage(existing.error)} /> : <Skeleton active />;

  const submit = async (v: CourseDraft) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await saveCourse(id, {
        ...v,
        lessons: v.lessons.map((l) => ({
          ...l,
          videoUrl: l.videoUrl || null,
          questions: (l.questions ?? []).map(fromDraft),
        })),
        exam: (v.exam ?? []).map(fromDraft),
      });
      message.success('课程已保存');
      void navigate(`/school/${saved.id}/edit`, { replace: true });
      existing.reload();
    } catch (e) {
      setError(formErrorMessage(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={id ? '编辑课程' : '新建课程'} style={{ maxWidth: 900, margin: '0 auto' }}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={NEW} onFinish={submit}>
        <Form.Item
          name="nodeId"
          label="开课单位（其下的学员可学习）"
          rules={[{ required: true, message: '请选择开课单位' }]}
        >
          {id ? (
            <Input disabled value={existing.data ? '已设定' : ''} />
          ) : (
            <TreeNodePicker
              levels={['district', 'street', 'community', 'grid']}
              placeholder="选择区、街道、社区或网格"
            />
          )}
        </Form.Item>
        <Form.Item name="title" label="课程名称" rules={[{ required: true, message: '请填写课程名称' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="summary" label="简介">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="audiences" label="面向对象">
          <Checkbox.Group options={Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="passMark" label="及格分">
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="maxAttempts" label="考试次数">
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="published" label="发布" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.List name="lessons">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={`课时 ${i + 1}`}
                  extra={
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      删除课时
                    </Button>
                  }
                >
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Space wrap>
                    <Form.Item
                      name={[f.name, 'title']}
                      label="标题"
                      rules={[{ required: true, message: '请填写课时标题' }]}
                    >
                      <Input style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} label="类型">
                      <Select
                        style={{ width: 140 }}
                        options={Object.entries(LESSON_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'minutes']} label="学时（分钟）">
                      <InputNumber min={1} max={600} />
                    </Form.Item>
                  </Space>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const lesson = form.getFieldValue(['lessons', f.name]) as LessonDraft | undefined;
                      if (lesson?.kind === 'quiz')
                        return <QuestionListField name={[f.name, 'questions']} label="测验" />;
                      return (
                        <>
                          {lesson?.kind === 'video' && (
                            <Space wrap align="end">
                              <Form.Item name={[f.name, 'videoUrl']} label="视频地址（外部平台，可选）">
                                <Input style={{ width: 420 }} placeholder="https://" />
                              </Form.Item>
                              {id && lesson.id ? (
                                <Form.Item label="或上传视频文件（mp4/webm）">
                                  <Upload
                                    accept="video/mp4,video/webm,video/ogg"
                                    showUploadList={false}
                                    customRequest={({ file, onSuccess, onError }) => {
                                      uploadVideo(id, lesson.id!, file as File).then(
                                        () => {
                                          message.success('视频已上传');
                                          onSuccess?.(null);
                                        },
                                        (e: unknown) => {
                                          message.error(errorMessage(e));
                                          onError?.(e as Error);
                                        },
                                      );
                                    }}
                                  >
                                    <Button>上传视频</Button>
                                  </Upload>
                                </Form.Item>
                              ) : (
                                <Form.Item label=" ">保存课程后可上传视频文件</Form.Item>
                              )}
                            </Space>
                          )}
                          <Form.Item name={[f.name, 'body']} label={lesson?.kind === 'video' ? '说明（可选）' : '正文'}>
                            <Input.TextArea autoSize={{ minRows: 4 }} />
                          </Form.Item>
                        </>
                      );
                    }}
                  </Form.Item>
                </Card>
              ))}
              <Button
                onClick={() =>
                  add({ title: '', kind: 'document', body: '', videoUrl: null, minutes: 10, questions: [] })
                }
              >
                添加课时
              </Button>
            </Space>
          )}
        </Form.List>
        <Card size="small" title="结业考试（不设考试则学完即合格）" style={{ marginTop: 16 }}>
          <QuestionListField name={['exam']} label="考试" />
        </Card>
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
          保存课程
        </Button>
      </Form>
    </Card>
  );
}
