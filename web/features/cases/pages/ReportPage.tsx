import { useNavigate } from 'react-router-dom';
import { App, Card } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { reportCase } from '../api';
import { ReportForm } from '../components/ReportForm';

/** 我要上报 for residents, 巡查上报 for grid workers (the server sets the source from the role). */
export default function ReportPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const title =
    me.role === 'grid_worker' ? '巡查上报' : me.abilities.includes('cases.dispatch') ? '登记案件' : '我要上报';

  return (
    <Card title={title} styles={{ body: { padding: 16 } }}>
      <ReportForm
        onBehalf={me.abilities.includes('cases.dispatch')}
        onSubmit={async (input) => {
          const created = await reportCase(input);
          message.success(`已上报，案件编号 ${created.caseNo}`);
          void navigate(`/cases/${created.id}`);
        }}
      />
    </Card>
  );
}
