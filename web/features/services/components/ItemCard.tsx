import { Button, Card, Space, Tag, Typography } from 'antd';
import type { ServiceItem } from '../types';

interface Props {
  item: ServiceItem;
  canBook: boolean;
  canProxy: boolean;
  onBook: () => void;
  onProxy: () => void;
}

/** One service item as a phone card: materials, time limit, fee, where/when and what can be done. */
export function ItemCard({ item, canBook, canProxy, onBook, onProxy }: Props) {
  return (
    <Card
      size="small"
      title={item.name}
      data-testid={`service-item-${item.id}`}
      extra={<Typography.Text type="secondary">{item.departmentName}</Typography.Text>}
    >
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <Tag color="blue">{item.timeLimitDays ? `${item.timeLimitDays} 个工作日办结` : '即时办结'}</Tag>
        <Tag color="gold">{item.fee}</Tag>
        {item.online && <Tag color="green">可网上办</Tag>}
        {item.proxy && <Tag color="purple">可代办</Tag>}
      </Space>
      <div>所需材料：{item.materials.length ? item.materials.join('、') : '无需材料'}</div>
      <Typography.Text type="secondary">{item.whereWhen}</Typography.Text>
      {(canBook || (canProxy && item.proxy)) && (
        <Space style={{ marginTop: 8, display: 'flex' }}>
          {canBook && (
            <Button type="primary" onClick={onBook}>
              预约
            </Button>
          )}
          {canProxy && item.proxy && <Button onClick={onProxy}>申请代办</Button>}
        </Space>
      )}
    </Card>
  );
}
