import { Button, Col, Row, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchStart, type Identified, type KioskReceipt } from '../api';
import { BookScreen } from '../components/BookScreen';
import { IdentifyScreen } from '../components/IdentifyScreen';
import { PolicyScreen } from '../components/PolicyScreen';
import { ReceiptScreen } from '../components/ReceiptScreen';
import { ReportScreen } from '../components/ReportScreen';
import { useIdleReset } from '../components/use-idle-reset';
import '../kiosk.css';

type Screen =
  | { kind: 'start' }
  | { kind: 'identify'; next: 'book' | 'report' }
  | { kind: 'book' }
  | { kind: 'policy' }
  | { kind: 'report' }
  | { kind: 'receipt'; receipt: KioskReceipt };

/**
 * 易办事 24-hour terminal, full screen: big buttons and no menu. After the configured idle time
 * (a countdown shows the last seconds) it forgets the resident and returns to the start screen.
 */
export default function KioskPage() {
  const start = useAsync((s) => fetchStart(s), []);
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const [who, setWho] = useState<Identified | null>(null);
  const reset = useCallback(() => {
    setWho(null);
    setScreen({ kind: 'start' });
  }, []);
  const idle = useIdleReset(start.data?.data.idleSeconds ?? 90, screen.kind !== 'start', reset);

  if (start.error) return <ErrorAlert error={start.error} onRetry={start.reload} />;
  if (!start.data) return <Spin size="large" />;
  const info = start.data.data;
  const identified = (next: 'book' | 'report') =>
    who ? setScreen({ kind: next }) : setScreen({ kind: 'identify', next });

  let body;
  switch (screen.kind) {
    case 'start':
      body = (
        <Row gutter={[24, 24]}>
          <Col xs={24} md={8}>
            <Button className="kiosk-big" type="primary" onClick={() => identified('book')}>
              预约办事
            </Button>
          </Col>
          <Col xs={24} md={8}>
            <Button className="kiosk-big" onClick={() => setScreen({ kind: 'policy' })}>
              政策查询
            </Button>
          </Col>
          <Col xs={24} md={8}>
            <Button className="kiosk-big" onClick={() => setScreen({ kind: 'report' })}>
              反映问题
            </Button>
          </Col>
        </Row>
      );
      break;
    case 'identify':
      body = (
        <IdentifyScreen
          onBack={reset}
          onDone={(w) => {
            setWho(w);
            setScreen({ kind: screen.next });
          }}
        />
      );
      break;
    case 'book':
      body = who && (
        <BookScreen
          token={who.token}
          name={who.nameMasked}
          onBack={reset}
          onDone={(receipt) => setScreen({ kind: 'receipt', receipt })}
        />
      );
      break;
    case 'policy':
      body = <PolicyScreen token={who?.token ?? null} onBack={reset} />;
      break;
    case 'report':
      body = (
        <ReportScreen
          token={who?.token ?? null}
          name={who?.nameMasked ?? null}
          onBack={reset}
          onDone={(receipt) => setScreen({ kind: 'receipt', receipt })}
        />
      );
      break;
    case 'receipt':
      body = <ReceiptScreen receipt={screen.receipt} terminal={info.terminal} onBack={reset} />;
      break;
  }
  return (
    <div className="kiosk" data-testid="kiosk">
      <div className="kiosk-title kiosk-no-print">{info.terminal}</div>
      <div className="kiosk-panel">{body}</div>
      {idle.remaining !== null && (
        <div className="kiosk-countdown kiosk-no-print" data-testid="kiosk-countdown">
          <div className="kiosk-panel" style={{ textAlign: 'center' }}>
            <h2>长时间无操作，{idle.remaining} 秒后返回首页</h2>
            <Button className="kiosk-option" type="primary" onClick={idle.touch}>
              继续办理
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
