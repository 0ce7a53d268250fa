import { App, Space, Switch, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { fetchSecurity, saveSecurity } from '../api';

/** District administrators: require TOTP of every administrator (区、街道管理员与社区书记). */
export function SecuritySwitch() {
  const { message } = App.useApp();
  const setting = useAsync((signal) => fetchSecurity(signal), []);
  return (
    <Space direction="vertical">
      <Space>
        <Switch
          checked={setting.data?.totpRequiredForAdmins ?? false}
          loading={setting.loading}
          onChange={(on) =>
            saveSecurity(on).then(
              () => {
                message.success(on ? '已开启' : '已关闭');
                setting.reload();
              },
              (e: unknown) => message.error(errorMessage(e)),
            )
          }
        />
        <span>管理员必须使用动态口令</span>
      </Space>
      <Typography.Text type="secondary">
        开启后，区级管理员、街道管理员和社区书记未绑定动态口令的，登录后只能先完成绑定。开启前请先为本人绑定动态口令。
      </Typography.Text>
    </Space>
  );
}
