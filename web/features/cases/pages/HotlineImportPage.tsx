import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { HotlineImportResult, HotlineRowError } from '../../../../contracts/hotline-import.ts';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { useCommunities } from '../../../shared/use-communities';
import { uploadHotlineFile, type UploadStage } from '../hotline/upload';

/**
 * 热线工单导入: a 12345 export (.xlsx/.csv) becomes cases, with upload progress and the row
 * report — created, skipped as already imported (same 工单号), rejected rows with reasons.
 */
export default function HotlineImportPage() {
  const me = useMe();
  const communities = useCommunities(me);
  const [communityId, setCommunityId] = useState<number>();
  const [stage, setStage] = useState<UploadStage | null>(null);
  const [result, setResult] = useState<{ file: string; report: HotlineImportResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = stage !== null;
  const send = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      const report = await uploadHotlineFile(file, communityId, setStage);
      setResult({ file: file.name, report });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStage(null);
    }
  };
  const rejectedRows = new Set(result?.report.errors.map((e) => e.row)).size;
  return (
    <Card title="热线工单导入">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          上传 12345 热线导出的工单文件（.xlsx 或 .csv，单次最多 2000
          条）。必需的列：工单号、诉求内容，以及事发地址或经纬度；可选：标题、来电人、来电号码、诉求类别。已导入过的工单号会跳过，重复上传同一文件不会重复立案。
        </Typography.Paragraph>
        <Space wrap>
          {(communities.data?.length ?? 0) > 0 && (
            <Select
              allowClear
              style={{ minWidth: 200 }}
              placeholder="受理社区（不选则按地址定位）"
              value={communityId}
              onChange={setCommunityId}
              options={communities.data}
            />
          )}
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="hotline-upload">
              选择文件并导入
            </Button>
          </Upload>
        </Space>
        {stage?.stage === 'uploading' && (
          <Progress percent={stage.percent} status="active" format={(p) => `上传 ${p}%`} />
        )}
        {stage?.stage === 'processing' && <Progress percent={100} status="active" format={() => '正在逐行登记…'} />}
        {error && <Alert type="error" showIcon title={error} />}
        {result && (
          <>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, sm: 3 }}
              title={`导入结果：${result.file}`}
              data-testid="hotline-report"
            >
              <Descriptions.Item label="新立案件">{result.report.created} 条</Descriptions.Item>
              <Descriptions.Item label="重复跳过">{result.report.skipped} 条</Descriptions.Item>
              <Descriptions.Item label="未通过">{rejectedRows} 行</Descriptions.Item>
            </Descriptions>
            {result.report.errors.length > 0 && (
              <Table<HotlineRowError & { key: number }>
                size="small"
                rowKey="key"
                pagination={{ pageSize: 20 }}
                scroll={{ x: 600 }}
                dataSource={result.report.errors.map((e, i) => ({ ...e, key: i }))}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '列', dataIndex: 'column', width: 110 },
                  { title: '内容', dataIndex: 'value', ellipsis: true },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
