import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, InputNumber, Result, Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useAsync } from '../../../shared/use-async';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { fetchNode } from '../../org/api';
import { importBoundaries } from '../api';
import { ImportReportTable } from '../components/ImportReportTable';
import type { ImportReport } from '../types';

/**
 * 批量导入边界: a street imports its communities' outlines, a community its grids. The file is
 * first checked (dry run, nothing written) and its report shown; only then can it be applied.
 */
export default function BoundaryImportPage() {
  const navigate = useNavigate();
  const nodeId = Number(useParams().nodeId);
  const node = useAsync((signal) => fetchNode(nodeId, signal), [nodeId]);
  const [file, setFile] = useState<File | null>(null);
  const [tolerance, setTolerance] = useState(500);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'apply');
    setError(null);
    try {
      setReport(await importBoundaries(nodeId, file, { dryRun, toleranceM2: tolerance }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const reset = (next: File | null) => {
    setFile(next);
    setReport(null);
    setError(null);
  };
  const kind = node.data?.level === 'street' ? '社区' : '网格';

  if (report?.applied) {
    return (
      <Card>
        <Result
          status="success"
          title="边界已导入"
          subTitle={`新建 ${report.summary.created} 个、更新 ${report.summary.updated} 个、无变化 ${report.summary.unchanged} 个${kind}`}
          extra={[
            <Button type="primary" key="map" onClick={() => navigate(`/map/${nodeId}`)}>
              查看网格地图
            </Button>,
            <Button key="again" onClick={() => reset(null)}>
              继续导入
            </Button>,
          ]}
        />
        <ImportReportTable features={report.features} />
      </Card>
    );
  }
  return (
    <Card
      title={`批量导入${kind}边界${node.data ? ` · ${node.data.name}` : ''}`}
      extra={<Button onClick={() => navigate(`/map/${nodeId}`)}>返回地图</Button>}
    >
      {node.error != null && <ErrorAlert error={node.error} onRetry={node.reload} />}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          支持 GeoJSON（.geojson/.json）、Shapefile 压缩包（.zip，含 .shp/.dbf/.prj，WGS84 或 CGCS2000 经纬度）和 KML。
          每个要素需有编码（编码/code/grid_code）或名称（名称/name）属性：编码已存在的更新边界，社区下新的网格编码将新建网格。
          相邻边界间小于容差的重叠会从后一个边界裁去，小于容差的缝隙并入共用边界最长的相邻{kind}。
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".geojson,.json,.zip,.kml"
          maxCount={1}
          beforeUpload={(f) => {
            reset(f);
            return false;
          }}
          onRemove={() => reset(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入边界文件</p>
        </Upload.Dragger>
        <Space wrap>
          <span>容差</span>
          <InputNumber
            aria-label="容差（平方米）"
            min={0}
            max={10000}
            value={tolerance}
            addonAfter="平方米"
            onChange={(v) => {
              setTolerance(v ?? 0);
              setReport(null);
            }}
          />
          <Button onClick={() => void run(true)} disabled={!file} loading={busy === 'check'}>
            检查（试运行）
          </Button>
          <Button
            type="primary"
            onClick={() => void run(false)}
            loading={busy === 'apply'}
            disabled={!report || report.summary.error > 0 || busy !== null}
          >
            确认导入
          </Button>
        </Space>
        {error != null && <ErrorAlert error={error} />}
        {report && (
          <>
            <Alert
              type={report.summary.error > 0 ? 'error' : 'info'}
              showIcon
              message={`试运行结果：新建 ${report.summary.created}、更新 ${report.summary.updated}、无变化 ${report.summary.unchanged}、错误 ${report.summary.error}`}
              description={
                report.summary.error > 0
                  ? '存在错误的要素时不会导入任何边界，请修正文件后重新检查。'
                  : '尚未写入。确认无误后点击"确认导入"，全部要素将一次性写入。'
              }
            />
            {report.warnings.map((w) => (
              <Alert key={w} type="warning" showIcon message={w} />
            ))}
            <ImportReportTable features={report.features} />
          </>
        )}
      </Space>
    </Card>
  );
}
