import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Rate, Select } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { useAsync } from '../../../shared/use-async';
import { FormDialog } from '../../meetings/components/FormDialog';
import { fetchDepartments, voteDepartment } from '../api';
import { pickerNow } from '../../../shared/time';

type Values = { year: number; departmentId: number; score: number; comment?: string };

/** 社区对派出机构考核评价权: the secretary's yearly vote on each department serving the community. */
export function DepartmentVoteCard() {
  const me = useMe();
  const communityId = me.scope!.nodeId;
  const departments = useAsync((s) => fetchDepartments(communityId, s), [communityId]);
  const [voting, setVoting] = useState(false);
  return (
    <Card
      size="small"
      title={`${me.scope!.name} · 社区评议`}
      extra={
        <Button type="primary" size="small" onClick={() => setVoting(true)}>
          评议部门
        </Button>
      }
    >
      每个部门每年一票，重复评议以最后一次为准；评议均值占部门得分的 30%。
      {voting && (
        <FormDialog<Values>
          title="评议职能部门"
          okText="提交评议"
          fields={['year', 'departmentId', 'score', 'comment']}
          initialValues={{ year: pickerNow().year() }}
          onSubmit={(v) => voteDepartment({ ...v, communityId })}
          onClose={() => setVoting(false)}
          onDone={() => undefined}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="departmentId" label="部门" rules={[{ required: true, message: '请选择部门' }]}>
            <Select
              loading={departments.loading}
              options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="score" label="评分" rules={[{ required: true, message: '请打分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label="意见">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
