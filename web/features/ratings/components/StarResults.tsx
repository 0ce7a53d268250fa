import { useState } from 'react';
import { Button, Form, Input, Rate, Table, Tag, Tooltip } from 'antd';
import { FormDialog } from '../../meetings/components/FormDialog';
import { adjustResult } from '../api';
import { starBreakdown } from '../breakdown';
import type { Indicator, RunDetail, RunResult } from '../types';

type StarInputs = { indicators: Indicator[]; values: Record<string, number | null> };
const fmt = (v: number | null) => (v === null ? '无数据' : Number.isInteger(v) ? String(v) : v.toFixed(2));

/** Per-branch score and stars; expanding a row shows each indicator's share of the score. */
export function StarResults({
  run,
  canAdjust,
  onChanged,
}: {
  run: RunDetail;
  canAdjust: boolean;
  onChanged: () => void;
}) {
  const [adjusting, setAdjusting] = useState<RunResult>();
  return (
    <>
      <Table<RunResult>
        rowKey="id"
        size="small"
        dataSource={run.results}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={starBreakdown(r.inputs as StarInputs)}
              columns={[
                { title: '指标', dataIndex: 'label' },
                { title: '实际值', dataIndex: 'value', render: fmt },
                { title: '目标值', dataIndex: 'target' },
                { title: '权重', dataIndex: 'weight' },
                { title: '完成度', dataIndex: 'ratio', render: (x: number) => `${Math.round(x * 100)}%` },
                { title: '得分', dataIndex: 'points' },
              ]}
            />
          ),
        }}
        columns={[
          { title: '支部', dataIndex: 'subjectName' },
          { title: '得分', dataIndex: 'score' },
          {
            title: '星级',
            render: (_, r) => (
              <>
                <Rate disabled value={Number(r.adjustedOutcome ?? r.outcome)} style={{ fontSize: 14 }} />
                {r.adjustedOutcome && (
                  <Tooltip title={`计算为 ${r.outcome} 星；理由：${r.adjustReason}`}>
                    <Tag color="orange">已调整</Tag>
                  </Tooltip>
                )}
              </>
            ),
          },
          {
            title: '复算',
            dataIndex: 'reproduced',
            render: (ok: boolean) => (ok ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>),
          },
          {
            title: '',
            render: (_, r) =>
              canAdjust && (
                <Button size="small" onClick={() => setAdjusting(r)}>
                  调整
                </Button>
              ),
          },
        ]}
      />
      {adjusting && (
        <FormDialog<{ stars: number; reason: string }>
          title={`调整星级：${adjusting.subjectName}`}
          okText="调整"
          fields={['stars', 'reason']}
          initialValues={{ stars: Number(adjusting.adjustedOutcome ?? adjusting.outcome) }}
          onSubmit={(v) => adjustResult(adjusting.id, v)}
          onClose={() => setAdjusting(undefined)}
          onDone={onChanged}
        >
          <Form.Item name="stars" label="星级" rules={[{ required: true, message: '请选择星级' }]}>
            <Rate />
          </Form.Item>
          <Form.Item
            name="reason"
            label="调整理由"
            rules={[{ required: true, min: 4, message: '请说明理由（至少 4 个字）' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
