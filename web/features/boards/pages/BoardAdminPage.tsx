import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Form, Input, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { FormDialog } from '../../meetings/components/FormDialog';
import { NodePicker } from '../../meetings/components/NodePicker';
import { useLiveEvents } from '../../cases/live';
import { createBoard, fetchBoards } from '../api';
import type { Board } from '../types';

/** Boards sit on a community, a grid, an estate/lane or a building: one per node. */
const BOARD_LEVELS = ['community', 'grid', 'estate', 'building'];

/** 四合院管理: the boards under the user's scope and opening a new one (per building, estate or grid). */
export default function BoardAdminPage() {
  const me = useMe();
  // Street and district staff manage boards but do not read them on the phone pages.
  const canOpen = me.abilities.includes('boards.read');
  const boards = useAsync((s) => fetchBoards(s), []);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  useLiveEvents(['board.changed'], (m) => {
    if (m.reset || (m as { action?: string }).action === 'board') boards.reload();
  });
  const rows = (boards.data ?? []).filter((b) => !filter || b.name.includes(filter));
  return (
    <Card
      title="四合院管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          开设四合院
        </Button>
      }
    >
      {boards.error ? (
        <ErrorAlert error={boards.error} onRetry={boards.reload} />
      ) : (
        <>
          <Input.Search
            allowClear
            placeholder="按名称筛选"
            onSearch={setFilter}
            onChange={(e) => !e.target.value && setFilter('')}
            style={{ maxWidth: 320, marginBottom: 12 }}
          />
          <Table<Board>
            rowKey="id"
            size="small"
            loading={boards.loading}
            dataSource={rows}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: '四合院',
                dataIndex: 'name',
                render: (n: string, b) => (canOpen ? <Link to={`/boards/${b.id}`}>{n}</Link> : n),
              },
              // Depth in the tree tells community (3) … building (6) apart without another request.
              {
                title: '层级',
                dataIndex: 'scopePath',
                render: (p: string) =>
                  ['社区', '网格', '小区/街巷', '楼栋'][p.split('/').filter(Boolean).length - 3] ?? '',
              },
            ]}
          />
        </>
      )}
      {creating && (
        <FormDialog<{ nodeId: number; name?: string }>
          title="开设四合院"
          okText="开设"
          successText="四合院已开设"
          fields={['nodeId', 'name']}
          onSubmit={(v) => createBoard({ nodeId: v.nodeId, name: v.name || undefined })}
          onClose={() => setCreating(false)}
          onDone={boards.reload}
        >
          <Form.Item
            name="nodeId"
            label="所在位置（社区、网格、小区/街巷或楼栋）"
            rules={[{ required: true, message: '请选择位置' }]}
          >
            <NodePicker levels={BOARD_LEVELS} placeholder="选择社区、网格、小区或楼栋" />
          </Form.Item>
          <Form.Item name="name" label="名称（不填则为“位置名称＋四合院”）">
            <Input maxLength={60} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
