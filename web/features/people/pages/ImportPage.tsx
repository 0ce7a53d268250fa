import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Steps, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { startImport, uploadImport } from '../api';
import { ImportProgress } from '../components/ImportProgress';
import { MappingTable } from '../components/MappingTable';
import { IMPORT_KINDS } from '../options';
import type { ImportInfo } from '../types';

export default function ImportPage() {
  const [kind, setKind] = useState('residents');
  const [info, setInfo] = useState<ImportInfo | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [started, setStarted] = useState<ImportInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setInfo(null);
    setStarted(null);
    setMapping({});
  };
  return (
    <Card title="数据导入" extra={info && <Button onClick={reset}>导入另一个文件</Button>}>
      <Steps
        size="small"
        current={started ? 2 : info ? 1 : 0}
        style={{ marginBottom: 16 }}
        items={[{ title: '上传文件' }, { title: '对应列' }, { title: '导入' }]}
      />
      {!info && (
        <Space wrap>
          <Select value={kind} options={IMPORT_KINDS} style={{ width: 140 }} onChange={setKind} />
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void run(async () => {
                const up = await uploadImport(kind, file);
                setInfo(up);
                setMapping(up.mapping ?? {});
              });
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy}>
              选择 .xlsx / .csv 文件
            </Button>
          </Upload>
          <span>第1行为表头；常见中文表头会自动对应，手工对应的列下次自动记住。</span>
        </Space>
      )}
      {info && !started && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <MappingTable info={info} mapping={mapping} onChange={setMapping} />
          <Button
            type="primary"
            loading={busy}
            onClick={() => void run(async () => setStarted(await startImport(info.id, mapping)))}
          >
            开始导入
          </Button>
        </Space>
      )}
      {started && <ImportProgress initial={started} />}
      {error !== null && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(error)} />}
    </Card>
  );
}
