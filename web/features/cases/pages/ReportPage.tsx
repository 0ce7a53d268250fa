import { useNavigate } from 'react-router-dom';
import { Alert, App, Card } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { outbox } from '../../patrol-outbox/queue-store';
import { submitPatrol } from '../../patrol-outbox/submit';
import { httpTransport } from '../../patrol-outbox/transport';
import { reportCase } from '../api';
import { ReportForm } from '../components/ReportForm';
import type { ReportInput } from '../types';

/** 我要上报 for residents, 巡查上报 for grid workers (the server sets the source from the role). */
export default function ReportPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // Grid workers report from the street, often without signal: their reports go through the
  // offline queue (features/patrol-outbox), photos kept on the phone until sent.
  const patrol = me.role === 'grid_worker';
  const title = patrol ? '巡查上报' : me.abilities.includes('cases.dispatch') ? '登记案件' : '我要上报';

  const fileDirectly = async (input: ReportInput) => {
    const created = await reportCase(input);
    message.success(`已上报，案件编号 ${created.caseNo}`);
    void navigate(`/cases/${created.id}`);
  };
  const fileAsPatrol = async (input: ReportInput, photos: File[]) => {
    const outcome = await submitPatrol(outbox, httpTransport, {
      userId: me.id,
      input,
      photos,
      online: navigator.onLine,
    });
    if (outcome.queued) {
      message.info('当前无网络，上报已保存到“待同步”，恢复网络后自动提交');
      void navigate('/cases/outbox');
    } else {
      message.success(`已上报，案件编号 ${outcome.caseNo}`);
      void navigate(`/cases/${outcome.caseId}`);
    }
  };

  return (
    <Card title={title} styles={{ body: { padding: 16 } }}>
      {patrol && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="没有信号也可以上报：提交后保存在手机上，恢复网络后自动同步"
        />
      )}
      <ReportForm
        onBehalf={me.abilities.includes('cases.dispatch')}
        keepPhotosLocal={patrol}
        onSubmit={patrol ? fileAsPatrol : fileDirectly}
      />
    </Card>
  );
}
