import { Alert, Button, Space, Typography } from 'antd';
import type { Position } from '../types';

interface Props {
  gridName: string;
  crossings: Position[];
  serverError: string | null;
  saving: boolean;
  dirty: boolean;
  onSave: () => void;
  onCancel: () => void;
}

const at = (p: Position) => `[${p.map((v) => v.toFixed(6)).join(', ')}]`;

/** The bar above the map while a boundary is edited: how to edit, what is wrong, save or cancel. */
export function BoundaryEditBar({ gridName, crossings, serverError, saving, dirty, onSave, onCancel }: Props) {
  return (
    <div className="gh-edit-bar" role="region" aria-label="编辑网格边界">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text>
          正在编辑<b>{gridName}</b>的边界：拖动顶点移动，点击边中点添加顶点，双击顶点删除。
        </Typography.Text>
        <Space>
          <Button onClick={onCancel} disabled={saving}>
            取消
          </Button>
          <Button type="primary" onClick={onSave} loading={saving} disabled={!dirty || crossings.length > 0}>
            保存边界
          </Button>
        </Space>
      </Space>
      {crossings.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={`边界自相交：边在 ${crossings.slice(0, 3).map(at).join('、')} 处交叉，请调整顶点后再保存`}
        />
      )}
      {serverError && <Alert type="error" showIcon style={{ marginTop: 8 }} message={serverError} />}
    </div>
  );
}
