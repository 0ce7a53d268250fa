import { Card, DatePicker, Empty, Form, Input, Rate, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { FormDialog } from '../../meetings/components/FormDialog';
import { rateProperty } from '../api';
import { streetIdOf } from '../breakdown';
import { TwoColourList } from '../components/TwoColourList';
import { pickerNow } from '../../../shared/time';

type Values = { month: Dayjs; score: number; comment?: string };

/** Residents rate their estate's property company once a month and see the street's two-colour list. */
export default function RatePropertyPage() {
  const me = useMe();
  const streetId = streetIdOf(me.scope?.path);
  const [rating, setRating] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <Card
        size="small"
        title="评价物业服务"
        extra={<a onClick={() => setRating(true)}>{done ? '修改评价' : '去评价'}</a>}
      >
        每月可评价一次本小区的物业公司，再次评价将覆盖本月的评价。您的评分占物业月度得分的 40%。
      </Card>
      {streetId ? <TwoColourList streetId={streetId} /> : <Empty />}
      {rating && (
        <FormDialog<Values>
          title="评价本小区物业"
          okText="提交评价"
          successText="感谢您的评价"
          fields={['month', 'score', 'comment']}
          initialValues={{ month: pickerNow() }}
          onSubmit={(v) => rateProperty({ month: v.month.format('YYYY-MM'), score: v.score, comment: v.comment })}
          onClose={() => setRating(false)}
          onDone={() => setDone(true)}
        >
          <Form.Item name="month" label="月份" rules={[{ required: true }]}>
            <DatePicker picker="month" allowClear={false} />
          </Form.Item>
          <Form.Item name="score" label="满意度" rules={[{ required: true, message: '请打分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label="意见建议">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
