import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { fetchOfficial, fetchOverrides, putOverride, removeOverride, stateOf, type DayKind } from '../api';
import { pickerNow } from '../../../shared/time';

const KIND = { holiday: <Tag color="red">放假</Tag>, workday: <Tag color="blue">上班</Tag> };

/** 工作日历: the official schedule of a year, the district's own adjustments, and any date's state. */
export default function CalendarPage() {
  const { message, modal } = App.useApp();
  const [year, setYear] = useState(() => pickerNow().year());
  const [probe, setProbe] = useState<Dayjs>(() => pickerNow());
  const [form] = Form.useForm<{ date: Dayjs; kind: DayKind; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const official = useAsync((signal) => fetchOfficial(year, signal), [year]);
  const overrides = useAsync((signal) => fetchOverrides(year, signal), [year]);
  if (official.error || overrides.error)
    return (
      <ErrorAlert
        error={official.error ?? overrides.error}
        onRetry={() => {
          official.reload();
          overrides.reload();
        }}
      />
    );
  const days = official.data?.data ?? [];
  const own = overrides.data ?? [];
  const probeDate = probe.format('YYYY-MM-DD');
  const probeState = probe.year() === year ? stateOf(probeDate, days, own) : null;

  const save = async (v: { date: Dayjs; kind: DayKind; note?: string }) => {
    setError(null);
    try {
      await putOverride(v.date.format('YYYY-MM-DD'), v.kind, v.note);
      message.success('已保存，此后计算的时限按调整后的日历');
      form.resetFields();
      overrides.reload();
    } catch (err) {
      setError(formErrorMessage(form, err, ['date', 'kind', 'note']));
    }
  };
  const remove = (date: string) =>
    modal.confirm({
      title: `取消 ${date} 的调整？`,
      okText: '取消调整',
      onOk: async () => {
        await removeOverride(date);
        overrides.reload();
      },
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title="工作日历"
        extra={
          <Space>
            年份
            <InputNumber min={2004} max={2100} value={year} onChange={(y) => y && setYear(y)} />
          </Space>
        }
      >
        {official.data && year > official.data.lastOfficialYear && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`内置的国务院安排只到 ${official.data.lastOfficialYear} 年；${year} 年的节假日公布后请在下方逐日录入，否则按周一至周五上班计算。`}
          />
        )}
        <Typography.Paragraph type="secondary">
          所有时限按工作时间计算。本区的调整优先于国务院安排；修改只影响此后新计算的时限。
        </Typography.Paragraph>
        <Space align="start" wrap size={24}>
          <div>
            <Typography.Title level={5}>查询某日</Typography.Title>
            <DatePicker value={probe} onChange={(d) => d && setProbe(d)} allowClear={false} />
            {probeState ? (
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 8, width: 300 }}
                items={[
                  {
                    key: 'o',
                    label: '国务院安排',
                    children: (
                      <>
                        {KIND[probeState.official.kind]}
                        {probeState.official.why}
                      </>
                    ),
                  },
                  {
                    key: 'a',
                    label: '本区调整',
                    children: probeState.override ? (
                      <>
                        {KIND[probeState.override.kind]}
                        {probeState.override.note}
                      </>
                    ) : (
                      '无'
                    ),
                  },
                  { key: 'e', label: '按此计算', children: KIND[probeState.effective] },
                ]}
              />
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                请选择 {year} 年内的日期，或切换年份。
              </Typography.Paragraph>
            )}
          </div>
          <div>
            <Typography.Title level={5}>新增调整</Typography.Title>
            <Form form={form} layout="inline" onFinish={save} initialValues={{ kind: 'holiday' }}>
              <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="kind">
                <Radio.Group
                  options={[
                    { value: 'holiday', label: '放假' },
                    { value: 'workday', label: '上班' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder="名称，如：春节调休" maxLength={100} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                保存
              </Button>
            </Form>
            {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
          </div>
        </Space>
      </Card>
      <Card title={`${year} 年本区调整`}>
        <Table
          rowKey="date"
          size="small"
          loading={overrides.loading}
          dataSource={own}
          pagination={false}
          locale={{ emptyText: '暂无调整，完全按国务院安排' }}
          columns={[
            { title: '日期', dataIndex: 'date' },
            { title: '安排', dataIndex: 'kind', render: (k: DayKind) => KIND[k] },
            { title: '名称', dataIndex: 'note' },
            {
              title: '',
              key: 'ops',
              render: (_, d) => (
                <Button type="link" danger size="small" onClick={() => remove(d.date)}>
                  取消调整
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={`${year} 年国务院节假日安排`}>
        <Table
          rowKey="date"
          size="small"
          loading={official.loading}
          dataSource={days}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '日期', dataIndex: 'date' },
            { title: '安排', dataIndex: 'kind', render: (k: DayKind) => KIND[k] },
            { title: '节日', dataIndex: 'name' },
          ]}
        />
      </Card>
    </Space>
  );
}
