import { Button, Space } from 'antd';
import { formatTime } from '../../../shared/time';
import type { KioskReceipt } from '../api';

/** The receipt, printed on the terminal's printer (window.print; kiosk.css prints only this block). */
export function ReceiptScreen({
  receipt,
  terminal,
  onBack,
}: {
  receipt: KioskReceipt;
  terminal: string;
  onBack: () => void;
}) {
  return (
    <div>
      <div className="kiosk-receipt" data-testid="kiosk-receipt">
        <h2>{receipt.title}</h2>
        <p>
          编号：<strong>{receipt.number}</strong>
        </p>
        {receipt.lines.map((l) => (
          <p key={l.label}>
            {l.label}：{l.value}
          </p>
        ))}
        <p>
          {terminal} {formatTime(receipt.issuedAt)}
        </p>
      </div>
      <Space direction="vertical" style={{ width: '100%', marginTop: 24 }} className="kiosk-no-print">
        <Button className="kiosk-option" type="primary" onClick={() => window.print()}>
          打印回执
        </Button>
        <Button className="kiosk-option" onClick={onBack}>
          完成，返回首页
        </Button>
      </Space>
    </div>
  );
}
