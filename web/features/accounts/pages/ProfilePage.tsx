import { Card, Descriptions, Space } from 'antd';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { SecuritySwitch } from '../components/SecuritySwitch';
import { SessionsCard } from '../components/SessionsCard';
import { TotpCard } from '../components/TotpCard';

/** 个人设置: for every signed-in user. */
export default function ProfilePage() {
  const me = useMe();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="个人设置">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
          <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{me.roleLabel}</Descriptions.Item>
          <Descriptions.Item label="管辖范围">{me.scope?.name ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm onChanged={() => undefined} />
      </Card>
      <Card title="动态口令（双因素登录）">
        <TotpCard />
      </Card>
      <Card title="登录会话">
        <SessionsCard />
      </Card>
      {hasAbility(me, 'security.manage') && (
        <Card title="安全设置">
          <SecuritySwitch />
        </Card>
      )}
    </Space>
  );
}
