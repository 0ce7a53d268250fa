import { useEffect, useState } from 'react';
import { Alert, Button, Progress, Space, Statistic } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { fetchImport } from '../api';
import type { ImportInfo } from '../types';

/** Polls an import until it ends; the checkpoint survives a server restart, so the bar resumes too. */
export function ImportProgress({ initial }: { initial: ImportInfo }) {
  const [info, setInfo] = useState(initial);
  useEffect(() => {
    if (info.state === 'done' || info.state === 'failed') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchImport(info.id, controller.signal).then(setInfo, () => undefined);
    }, 1000);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [info]);
  const done = info.state === 'done';
  const percent = done ? 100 : Math.floor(100 * Number(info.progress?.fraction ?? 0));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Progress percent={percent} status={info.state === 'failed' ? 'exception' : done ? 'success' : 'active'} />
      <Space size="large" wrap>
        <Statistic title="已处理行" value={Math.max(0, info.checkpointRow - 1)} />
        <Statistic title="写入" value={info.okRows} />
        <Statistic title="错误" value={info.errorRows} valueStyle={info.errorRows ? { color: '#cf1322' } : undefined} />
      </Space>
      {info.state === 'queued' && <Alert type="info" showIcon title="排队中，后台任务稍后开始" />}
      {info.lastError && (
        <Alert
          type="warning"
          showIcon
          title={`上次中断：${info.lastError}（将从第 ${info.checkpointRow + 1} 行继续）`}
        />
      )}
      {done && info.errorRows > 0 && (
        <Space>
          <Button icon={<DownloadOutlined />} href={`/api/people/imports/${info.id}/errors?format=xlsx`}>
            下载错误报告（Excel）
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/people/imports/${info.id}/errors?format=csv`}>
            CSV
          </Button>
        </Space>
      )}
    </Space>
  );
}
