import { Button, Space, Tooltip } from 'antd';
import { CompressOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';

interface Props {
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
}

/** Buttons for those without a wheel (touchpads, keyboards); top left, clear of the drawer. */
export function MapControls({ onZoomIn, onZoomOut, onReset }: Props) {
  return (
    <Space.Compact orientation="vertical" style={{ position: 'absolute', top: 12, left: 12 }}>
      <Tooltip title="放大" placement="right">
        <Button icon={<PlusOutlined />} aria-label="放大" onClick={onZoomIn} />
      </Tooltip>
      <Tooltip title="缩小" placement="right">
        <Button icon={<MinusOutlined />} aria-label="缩小" onClick={onZoomOut} />
      </Tooltip>
      <Tooltip title="复位" placement="right">
        <Button icon={<CompressOutlined />} aria-label="复位" onClick={onReset} />
      </Tooltip>
    </Space.Compact>
  );
}
