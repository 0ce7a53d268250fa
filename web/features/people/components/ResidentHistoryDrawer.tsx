import { Descriptions, Drawer, Empty, Spin, Tag, Timeline } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchResident } from '../api';
import { residencePeriod } from '../house-format';

/** One resident's masked record and move history (every house they lived in, oldest first). */
export function ResidentHistoryDrawer({ residentId, onClose }: { residentId: number | null; onClose: () => void }) {
  const detail = useAsync(
    (signal) => (residentId ? fetchResident(residentId, signal).then((r) => r.data) : Promise.resolve(null)),
    [residentId],
  );
  const r = detail.data;
  return (
    <Drawer open={residentId !== null} onClose={onClose} title={r ? `${r.name} 的居住记录` : '居住记录'} size="large">
      {detail.error !== undefined ? (
        <ErrorAlert error={detail.error} onRetry={detail.reload} />
      ) : detail.loading || !r ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="证件号码">{r.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label="性别 / 出生日期">
              {r.gender} / {r.birthDate}
            </Descriptions.Item>
            <Descriptions.Item label="人口类型">{r.residenceType}</Descriptions.Item>
            <Descriptions.Item label="关怀标签">
              {r.careTags.length ? r.careTags.map((t) => <Tag key={t}>{t}</Tag>) : '—'}
            </Descriptions.Item>
          </Descriptions>
          {r.history.length === 0 ? (
            <Empty description="暂无居住记录" />
          ) : (
            <Timeline
              items={r.history.map((h, i) => ({
                key: `${h.houseId}-${i}`,
                color: h.toOn ? 'gray' : 'green',
                content: (
                  <>
                    <Link to={`/people/houses/${h.houseId}`} onClick={onClose}>
                      {h.address ?? `房屋 #${h.houseId}`}
                    </Link>
                    <div style={{ color: '#888' }}>{residencePeriod(h.fromOn, h.toOn)}</div>
                  </>
                ),
              }))}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
