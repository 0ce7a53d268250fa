import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { CHANNEL_LABELS, NOTICE_TOPICS, NOTICE_TOPIC_LABELS, OUTSIDE_CHANNELS } from '../../../../contracts/notify.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { fetchPreferences, savePreferences, type NoticeTopic, type OutsideChannel, type Preferences } from '../api';

const CLOCKS = Array.from({ length: 48 }, (_, i) => {
  const t = `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
  return { value: t, label: t };
});

interface FormValues {
  email: string;
  phone: string;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
}

/** 个人设置 → 通知方式: channels per kind of notice, the addresses they use, and quiet hours (北京时间). */
export default function NotifySettingsPage() {
  const { message } = App.useApp();
  const prefs = useAsync((signal) => fetchPreferences(signal), []);
  const [form] = Form.useForm<FormValues>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!prefs.data) return;
    form.setFieldsValue({ ...prefs.data, email: prefs.data.email ?? '', phone: prefs.data.phone ?? '' });
    setChosen(new Set(prefs.data.choices.map((c) => `${c.topic}:${c.channel}`)));
  }, [prefs.data, form]);
  if (prefs.error) return <ErrorAlert error={prefs.error} onRetry={prefs.reload} />;
  const available: Preferences['available'] = prefs.data?.available ?? [];

  const toggle = (key: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const save = async (v: FormValues) => {
    setError(null);
    setSaving(true);
    try {
      await savePreferences({
        email: v.email.trim() || null,
        phone: v.phone.trim() || null,
        quietEnabled: v.quietEnabled,
        quietStart: v.quietStart,
        quietEnd: v.quietEnd,
        choices: [...chosen].map((k) => {
          const [topic, channel] = k.split(':') as [NoticeTopic, OutsideChannel];
          return { topic, channel };
        }),
      });
      message.success('通知方式已保存');
      prefs.reload();
    } catch (err) {
      setError(formErrorMessage(form, err, ['email', 'phone', 'quietEnabled', 'quietStart', 'quietEnd']));
    } finally {
      setSaving(false);
    }
  };

  const channelColumn = (channel: OutsideChannel) => ({
    key: channel,
    title: (
      <Space size={4}>
        {CHANNEL_LABELS[channel]}
        {!available.includes(channel) && <Tag>未配置</Tag>}
      </Space>
    ),
    render: (_: unknown, topic: NoticeTopic) =>
      available.includes(channel) ? (
        <Checkbox
          aria-label={`${NOTICE_TOPIC_LABELS[topic]} ${CHANNEL_LABELS[channel]}`}
          checked={chosen.has(`${topic}:${channel}`)}
          onChange={(e) => toggle(`${topic}:${channel}`, e.target.checked)}
        />
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  });

  return (
    <Card title="通知方式" loading={prefs.loading && !prefs.data}>
      <Typography.Paragraph type="secondary">
        站内通知始终开启；可为每类通知另选电子邮件或短信。免打扰时段内（北京时间）非紧急通知顺延到时段结束后发送，超时督办不受限制。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 760 }}>
        <Table<NoticeTopic>
          rowKey={(t) => t}
          size="small"
          pagination={false}
          dataSource={[...NOTICE_TOPICS]}
          columns={[
            { key: 'topic', title: '通知类别', render: (_, t) => NOTICE_TOPIC_LABELS[t] },
            { key: 'inapp', title: CHANNEL_LABELS.inapp, render: () => <Checkbox checked disabled /> },
            ...OUTSIDE_CHANNELS.map(channelColumn),
          ]}
          style={{ marginBottom: 16 }}
        />
        <Space wrap size={16}>
          <Form.Item name="email" label="电子邮件地址" style={{ width: 320 }}>
            <Input placeholder="name@example.cn" disabled={!available.includes('email')} />
          </Form.Item>
          <Form.Item name="phone" label="接收短信的手机号" style={{ width: 240 }}>
            <Input placeholder="11 位手机号" disabled={!available.includes('sms')} />
          </Form.Item>
        </Space>
        <Space wrap size={16} align="end">
          <Form.Item name="quietEnabled" label="免打扰" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="quietStart" label="开始（北京时间）" style={{ width: 160 }}>
            <Select options={CLOCKS} />
          </Form.Item>
          <Form.Item name="quietEnd" label="结束（北京时间）" style={{ width: 160 }}>
            <Select options={CLOCKS} />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
