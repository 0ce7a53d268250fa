import { useState } from 'react';
import { Alert, Button, Input, List, Modal, Select, Space, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { assignWorker, fetchWorkerCandidates, fetchWorkerHistory } from '../worker-api';
import { formatDate } from '../../../shared/time';

const day = (iso: string) => formatDate(iso);

/** 一格一员: the grid's worker history, and (for those who staff grids) changing the worker. */
export function GridWorkerPanel({
  gridId,
  canAssign,
  onChanged,
}: {
  gridId: number;
  canAssign: boolean;
  onChanged: () => void;
}) {
  const history = useAsync((signal) => fetchWorkerHistory(gridId, signal), [gridId]);
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>网格员任职记录</Typography.Text>
        {canAssign && (
          <Button size="small" onClick={() => setOpen(true)}>
            更换网格员
          </Button>
        )}
      </Space>
      <List
        size="small"
        loading={history.loading}
        dataSource={history.data ?? []}
        locale={{ emptyText: '暂无任职记录' }}
        renderItem={(t) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <span>
                {t.displayName} <Typography.Text type="secondary">{t.phoneMasked}</Typography.Text>
              </span>
              <Typography.Text type="secondary">
                {day(t.startedAt)} — {t.endedAt ? day(t.endedAt) : '至今'}
                {t.assignedBy ? ` · ${t.assignedBy}任命` : ''}
                {t.note ? ` · ${t.note}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {open && (
        <AssignDialog
          gridId={gridId}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            history.reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function AssignDialog({ gridId, onClose, onDone }: { gridId: number; onClose: () => void; onDone: () => void }) {
  const [term, setTerm] = useState('');
  const q = useDebouncedValue(term, 300);
  const candidates = useAsync((signal) => fetchWorkerCandidates(gridId, q, signal), [gridId, q]);
  const [userId, setUserId] = useState<number>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!userId) return;
    setBusy(true);
    setError(null);
    try {
      await assignWorker(gridId, userId, note.trim());
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="更换网格员"
      onCancel={onClose}
      onOk={submit}
      okText="确认更换"
      okButtonProps={{ disabled: !userId, loading: busy }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} />}
        <Typography.Text type="secondary">
          可选本社区的网格员或尚未分配网格的网格员账号；原网格员的任职记录将保留，其账号不再管辖本网格。
        </Typography.Text>
        <Select
          style={{ width: '100%' }}
          placeholder="输入姓名查找网格员"
          value={userId}
          onChange={setUserId}
          loading={candidates.loading}
          showSearch={{ filterOption: false, onSearch: setTerm }}
          aria-label="新网格员"
          options={(candidates.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.displayName}（${c.username}${c.gridName ? ` · 现任${c.gridName}` : ' · 未分配'}）`,
          }))}
        />
        <Input.TextArea
          placeholder="更换说明（选填），如：原网格员调岗"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={200}
          rows={2}
        />
      </Space>
    </Modal>
  );
}
