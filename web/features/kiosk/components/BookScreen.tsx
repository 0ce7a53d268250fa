import { Alert, Button, Col, Empty, Row, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { book, fetchCatalogue, fetchSlots, type KioskReceipt } from '../api';

/** 预约办事: choose an item, then a free slot at the community's station; the booking prints a receipt. */
export function BookScreen(props: {
  token: string;
  name: string;
  onDone: (r: KioskReceipt) => void;
  onBack: () => void;
}) {
  const cat = useAsync((s) => fetchCatalogue(props.token, s), [props.token]);
  const [itemId, setItemId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const station = cat.data?.data.stations[0];
  const slots = useAsync(
    (s) => (itemId && station ? fetchSlots(station.id, props.token, s) : Promise.resolve({ data: [] })),
    [itemId, station?.id],
  );
  const choose = async (slotId: number) => {
    try {
      props.onDone((await book(props.token, itemId!, slotId)).data);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (cat.loading) return <Spin size="large" />;
  if (cat.error) return <Alert type="error" message={errorMessage(cat.error)} />;
  const item = cat.data!.data.items.find((i) => i.id === itemId);
  return (
    <div>
      <h2>
        {props.name}，{item ? `预约“${item.name}”：请选择时段（${station?.name ?? ''}）` : '请选择要办理的事项'}
      </h2>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {!item &&
          cat.data!.data.items.map((i) => (
            <Col key={i.id} xs={24} md={12}>
              <Button className="kiosk-option" onClick={() => setItemId(i.id)}>
                {i.name}
              </Button>
            </Col>
          ))}
        {item &&
          (slots.loading ? (
            <Spin />
          ) : slots.data?.data.length ? (
            slots.data.data.slice(0, 12).map((s) => (
              <Col key={s.id} xs={24} md={8}>
                <Button className="kiosk-option" data-testid="kiosk-slot" onClick={() => void choose(s.id)}>
                  {formatTime(s.startsAt, 'MM-DD HH:mm')}（余 {s.free}）
                </Button>
              </Col>
            ))
          ) : (
            <Empty description="近 7 天没有可预约的时段" />
          ))}
      </Row>
      <Button className="kiosk-option" style={{ marginTop: 24 }} onClick={item ? () => setItemId(null) : props.onBack}>
        {item ? '重新选择事项' : '返回首页'}
      </Button>
    </div>
  );
}
