import { Button, Card, Result, Typography } from 'antd';
import { useSession } from '../../../app/session/SessionContext';
import { fetchMe } from '../../../app/session/api';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { TotpCard } from '../components/TotpCard';

/** Re-reads /api/me once the pending step is done: the restriction lifts and the full app appears. */
function useRefreshMe() {
  const { signedIn } = useSession();
  return () =>
    void fetchMe().then((me) => {
      if (me) signedIn(me);
    });
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  const { signOut } = useSession();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        paddingTop: 64,
        background: '#f5f5f5',
      }}
    >
      <Card
        title={title}
        style={{ width: 520 }}
        extra={
          <Button type="link" onClick={() => void signOut()}>
            退出登录
          </Button>
        }
      >
        {children}
      </Card>
    </div>
  );
}

/** restriction 'password_change': the only page until the owner has chosen their own password. */
export function ForcedPasswordPage() {
  const refresh = useRefreshMe();
  return (
    <Frame title="请修改密码">
      <Typography.Paragraph>您的密码由管理员设置或重置，请先设置只有您自己知道的新密码。</Typography.Paragraph>
      <ChangePasswordForm onChanged={refresh} />
    </Frame>
  );
}

/** restriction 'totp_enrolment': administrators must bind a second factor first. */
export function ForcedTotpPage() {
  const refresh = useRefreshMe();
  return (
    <Frame title="请绑定动态口令">
      <Typography.Paragraph>本系统要求管理员登录时使用动态口令。绑定完成后即可继续使用。</Typography.Paragraph>
      <TotpCard onEnrolled={refresh} />
    </Frame>
  );
}

/** Fallback for a restriction this build does not know (the server is newer than the page). */
export function UnknownRestrictionPage() {
  const { signOut } = useSession();
  return (
    <Result
      status="warning"
      title="账号需要先完成一项操作"
      extra={<Button onClick={() => void signOut()}>退出登录</Button>}
    />
  );
}
