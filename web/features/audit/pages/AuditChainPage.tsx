import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchChainReport } from '../api';
import { chainSummary } from '../chain-summary';

/** Integrity of the audit log: every sealed entry's hash is recomputed on each visit. */
export default function AuditChainPage() {
  const report = useAsync((s) => fetchChainReport(s), []);
  const data = report.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title="审计链校验"
        extra={
          <Button onClick={report.reload} loading={report.loading}>
            重新校验
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          每条操作记录提交后约一分钟内被封存：按事务顺序编号，其哈希覆盖本条内容和上一条的哈希。任何一条被改动或删除，校验都会指出第一条异常记录。
          校验覆盖整条链（各辖区的记录连在同一条链上）。
        </Typography.Paragraph>
        {report.error ? <ErrorAlert error={report.error} onRetry={report.reload} /> : null}
        {!data && report.loading && <Typography.Text>正在封存并校验…</Typography.Text>}
        {data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type={data.intact ? 'success' : 'error'} showIcon message={chainSummary(data)} />
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'unsealed', label: '待封存', children: `${data.unsealed} 条（其事务或更早的事务仍在进行）` },
                {
                  key: 'head',
                  label: '链头',
                  children: data.head ? (
                    <Typography.Text copyable code>{`#${data.head.seq} ${data.head.hash}`}</Typography.Text>
                  ) : (
                    '尚无封存记录'
                  ),
                },
              ]}
            />
            <Typography.Text type="secondary">
              建议定期把链头抄录到系统之外（如值班记录）：只有这样，链尾被整体截掉也能发现。
            </Typography.Text>
          </Space>
        )}
      </Card>
    </Space>
  );
}
