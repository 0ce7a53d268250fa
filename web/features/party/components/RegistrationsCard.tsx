import { App, Button, Card, List } from 'antd';
import type { z } from 'zod';
import type { registrationsResponse } from '../../../../contracts/party-views.ts';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';

type Registration = z.input<typeof registrationsResponse>['data'][number];

/** The community's queue of dual registrations (双报到) to confirm. */
export function RegistrationsCard({
  load,
  decide,
}: {
  load: (s: AbortSignal) => Promise<Registration[]>;
  decide: (id: number, d: 'confirm' | 'reject', version: number) => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const regs = useAsync(load, []);
  const run = (r: Registration, d: 'confirm' | 'reject') =>
    decide(r.id, d, r.version).then(
      () => {
        message.success(d === 'confirm' ? '已确认报到' : '已退回');
        regs.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <Card size="small" title="双报到确认">
      <List
        size="small"
        loading={regs.loading}
        dataSource={regs.data ?? []}
        locale={{ emptyText: '没有待确认的报到' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="c" size="small" type="primary" onClick={() => run(r, 'confirm')}>
                确认
              </Button>,
              <Button key="r" size="small" onClick={() => run(r, 'reject')}>
                退回
              </Button>,
            ]}
          >
            {r.name}（{r.branchName}
            {r.workUnit ? `，${r.workUnit}` : ''}）
          </List.Item>
        )}
      />
    </Card>
  );
}
