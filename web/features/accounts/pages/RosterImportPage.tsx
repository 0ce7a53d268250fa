import { useState } from 'react';
import { Alert, App, Button, Card, Progress, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../../shared/api';
import { downloadPasswords, downloadTemplate, uploadRoster } from '../api';
import { rosterIssues, type RosterIssueRow } from '../logic';
import type { RosterResult } from '../types';

const OUTCOME = {
  created: { label: '新建', color: 'green' },
  updated: { label: '已更新', color: 'blue' },
  unchanged: { label: '无变化', color: 'default' },
} as const;

/** 花名册导入: the whole sheet is checked first; any bad row and nothing is written. */
export default function RosterImportPage() {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<RosterResult | null>(null);
  const [issues, setIssues] = useState<{ summary: string; rows: RosterIssueRow[] } | null>(null);

  async function upload(file: File) {
    setResult(null);
    setIssues(null);
    setProgress(0);
    try {
      setResult(await uploadRoster(file, setProgress));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422)
        setIssues({ summary: err.message, rows: rosterIssues(err.details) });
      else message.error(errorMessage(err));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="花名册导入">
        <Typography.Paragraph type="secondary">
          按模板填写工作人员花名册（.xlsx 或
          .csv）。系统先检查全部行：身份证号、手机号、角色是否在您的授权范围内、管辖范围编码是否存在且与角色层级相符、文件内用户名是否重复。任一行有误则整表不导入；重复导入同一文件不会重复建号。
        </Typography.Paragraph>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadTemplate().catch((e: unknown) => message.error(errorMessage(e)))}
          >
            下载模板
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={progress !== null}>
              选择文件并导入
            </Button>
          </Upload>
        </Space>
        {progress !== null && (
          <Progress
            percent={progress}
            status="active"
            style={{ marginTop: 16 }}
            format={(p) => (p === 100 ? '检查中…' : `${p}%`)}
          />
        )}
      </Card>

      {issues && (
        <Card title="检查未通过，整表未导入">
          <Alert type="error" showIcon title={issues.summary} style={{ marginBottom: 16 }} />
          <Table<RosterIssueRow>
            rowKey="key"
            size="small"
            dataSource={issues.rows}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: '行号', dataIndex: 'rowNo', width: 80 },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </Card>
      )}

      {result && (
        <Card title="导入完成">
          <Space size={48} style={{ marginBottom: 16 }}>
            <Statistic title="新建" value={result.counts.created} />
            <Statistic title="已更新" value={result.counts.updated} />
            <Statistic title="无变化" value={result.counts.unchanged} />
          </Space>
          {result.passwords.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="新账号的一次性密码只在此显示一次，离开本页后无法再次查看。"
              action={
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    downloadPasswords(result.passwords).catch((e: unknown) => message.error(errorMessage(e)))
                  }
                >
                  下载一次性密码
                </Button>
              }
            />
          )}
          <Table
            rowKey="rowNo"
            size="small"
            dataSource={result.rows}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: '行号', dataIndex: 'rowNo', width: 80 },
              { title: '用户名', dataIndex: 'username' },
              { title: '姓名', dataIndex: 'displayName' },
              {
                title: '结果',
                dataIndex: 'outcome',
                render: (o: keyof typeof OUTCOME) => <Tag color={OUTCOME[o].color}>{OUTCOME[o].label}</Tag>,
              },
              {
                title: '一次性密码',
                render: (_, r) => {
                  const p = result.passwords.find((x) => x.username === r.username);
                  return p ? (
                    <Typography.Text code copyable>
                      {p.password}
                    </Typography.Text>
                  ) : (
                    '—'
                  );
                },
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
