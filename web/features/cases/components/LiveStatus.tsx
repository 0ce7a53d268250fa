import { Tag, Tooltip } from 'antd';
import { DisconnectOutlined } from '@ant-design/icons';
import { useLiveInterrupted } from '../live';

/** Shown in the header only while live updates are interrupted; pages may be out of date meanwhile. */
export function LiveStatus() {
  const interrupted = useLiveInterrupted();
  if (!interrupted) return null;
  return (
    <Tooltip title="页面数据可能不是最新的；恢复后会自动补上错过的更新">
      <Tag icon={<DisconnectOutlined />} color="warning" role="status" style={{ marginInlineEnd: 0 }}>
        实时更新已中断，正在重连
      </Tag>
    </Tooltip>
  );
}
