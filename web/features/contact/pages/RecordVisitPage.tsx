import { App, Button, Card, DatePicker, Form, Input, List, Select, Space, Switch, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { fieldErrorsOf } from '../../../shared/form-errors';
import { pickerDate, shanghaiToday } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { fetchHouseVisits, fetchRounds, recordVisit } from '../api';

interface VisitForm {
  roundId: number;
  visitedOn: Dayjs;
  metName: string;
  note?: string;
  opinions?: { text: string; toCase?: boolean }[];
}

const FIELDS = ['roundId', 'visitedOn', 'metName', 'note', 'opinions'] as const;

/** Records one visit to a household; an opinion switched to 转为案件 is filed as a case with it. */
export default function RecordVisitPage() {
  const houseId = Number(useParams().houseId);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitForm>();
  const [busy, setBusy] = useState(false);
  const rounds = useAsync((s) => fetchRounds(undefined, s), []);
  const history = useAsync((s) => fetchHouseVisits(houseId, s), [houseId]);
  const today = shanghaiToday();
  const current = rounds.data?.data.find((r) => r.startsOn <= today && today <= r.endsOn);

  const submit = async (v: VisitForm) => {
    setBusy(true);
    try {
      const res = await recordVisit({
        roundId: v.roundId,
        houseNodeId: houseId,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        metName: v.metName,
        note: v.note ?? '',
        opinions: (v.opinions ?? []).map((o) => ({ text: o.text, toCase: Boolean(o.toCase) })),
      });
      const cases = res.data.opinions.filter((o) => o.caseId).length;
      message.success(cases ? `走访已记录，${cases} 条意见已转为案件` : '走访已记录');
      void navigate('/contact/mine');
    } catch (error) {
      const fields = fieldErrorsOf(error, FIELDS);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (rounds.error) return <ErrorAlert error={rounds.error} onRetry={rounds.reload} />;
  if (history.error) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title="记录入户走访"
        extra={<Link to="/contact/mine">返回我的联系户</Link>}
        loading={rounds.loading}
      >
        <Form<VisitForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ roundId: current?.id, visitedOn: pickerDate(today), opinions: [] }}
        >
          <Form.Item name="roundId" label="走访轮次" rules={[{ required: true, message: '请选择走访轮次' }]}>
            <Select
              size="large"
              options={(rounds.data?.data ?? []).map((r) => ({
                value: r.id,
                label: `${r.title}（${r.startsOn} 至 ${r.endsOn}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
            <DatePicker size="large" style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="metName" label="受访人" rules={[{ required: true, message: '请填写受访人' }]}>
            <Input size="large" maxLength={40} placeholder="如 户主王秀英" />
          </Form.Item>
          <Form.Item name="note" label="走访情况">
            <Input.TextArea rows={3} maxLength={1000} placeholder="家庭近况、宣传的政策等" />
          </Form.Item>
          <Form.List name="opinions">
            {(items, { add, remove }) => (
              <>
                {items.map((item, i) => (
                  <Card
                    key={item.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    title={`意见建议 ${i + 1}`}
                    extra={
                      <Button type="link" danger onClick={() => remove(item.name)}>
                        删除
                      </Button>
                    }
                  >
                    <Form.Item
                      name={[item.name, 'text']}
                      rules={[{ required: true, min: 2, message: '意见内容至少 2 个字' }]}
                    >
                      <Input.TextArea rows={2} maxLength={500} placeholder="居民反映的问题或诉求" />
                    </Form.Item>
                    <Form.Item name={[item.name, 'toCase']} label="转为案件（来源：入户走访）" valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Card>
                ))}
                <Button block size="large" onClick={() => add({ text: '', toCase: false })}>
                  添加意见建议
                </Button>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} style={{ marginTop: 16 }}>
            保存走访记录
          </Button>
        </Form>
      </Card>
      <Card size="small" title="走访记录" loading={history.loading}>
        <List
          dataSource={history.data?.data ?? []}
          locale={{ emptyText: '尚无走访记录' }}
          renderItem={(v) => (
            <List.Item>
              <List.Item.Meta
                title={`${v.visitedOn} ${v.visitorName} 走访，受访人 ${v.metName}`}
                description={
                  <>
                    {v.note && <Typography.Paragraph style={{ marginBottom: 4 }}>{v.note}</Typography.Paragraph>}
                    {v.opinions.map((o) => (
                      <div key={o.id}>
                        · {o.text}{' '}
                        {o.caseId && (
                          <Link to={`/cases/${o.caseId}`}>
                            <Tag color="red">已转案件</Tag>
                          </Link>
                        )}
                      </div>
                    ))}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
