import { Form, InputNumber, Space } from 'antd';
import type { Limits } from '../config-api';
import { STEP_LABELS } from './limits';

/** The four step limits in working minutes; empty inherits from the level above. */
export function LimitFields({ inherited }: { inherited?: Partial<Limits> }) {
  return (
    <Space wrap>
      {STEP_LABELS.map(([key, label]) => (
        <Form.Item
          key={key}
          name={key}
          label={`${label}时限（工作分钟）`}
          tooltip="留空表示继承上一级；1 个工作日 = 450 分钟"
        >
          <InputNumber
            min={1}
            max={27000}
            precision={0}
            placeholder={inherited?.[key] ? `继承 ${inherited[key]}` : '继承'}
            style={{ width: 150 }}
          />
        </Form.Item>
      ))}
    </Space>
  );
}
