import { Form, Input } from 'antd';
import { HousePicker } from './HousePicker';
import { MOBILE_RE } from '../../../../contracts/phone.ts';

export const MOBILE_PATTERN = MOBILE_RE;

/** Name, phone and house: what staff check against base data (sign-up and resubmission share them). */
export function ClaimFields({ currentAddress }: { currentAddress?: string }) {
  return (
    <>
      <Form.Item
        label="真实姓名"
        name="displayName"
        rules={[
          { required: true, whitespace: true, message: '请输入真实姓名' },
          { min: 2, message: '请输入真实姓名（至少 2 个字）' },
        ]}
        extra="须与户籍或居住登记一致，社区将据此核验"
      >
        <Input autoComplete="name" maxLength={30} />
      </Form.Item>
      <Form.Item
        label="手机号"
        name="phone"
        rules={[
          { required: true, message: '请输入手机号' },
          { pattern: MOBILE_PATTERN, message: '请输入 11 位中国大陆手机号' },
        ]}
      >
        <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item
        label="所住房屋"
        name="houseNodeId"
        rules={[{ required: true, message: '请选择所住房屋' }]}
        extra={currentAddress ? `当前：${currentAddress}（如无变化可不重选）` : undefined}
      >
        <HousePicker />
      </Form.Item>
    </>
  );
}
