import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { applyFieldErrors } from '../../../shared/form-errors';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import {
  COMMITMENT_STATE_LABELS,
  fetchBranchCommitments,
  fetchCommitmentBranches,
  markCommitment,
  type BranchFigures,
  type CommitmentRow,
  type CommitmentState,
} from '../commitments-api';

const STATE_COLOR: Record<CommitmentState, string> = { published: 'blue', fulfilled: 'green', unfulfilled: 'orange' };
const rate = (r: number | null) => (r === null ? '—' : `${r}%`);

/** 承诺践诺: figures per branch, and the chosen branch's commitments for the secretary to mark fulfilled or not (with a note). */
export default function CommitmentCheckPage() {
  const [year, setYear] = useState(dayjs().year());
  const [page, setPage] = useState(1);
  const branches = useAsync((s) => fetchCommitmentBranches(year, page, s), [year, page]);
  const [branchId, setBranchId] = useState<number | null>(null);
  // A branch secretary has one branch: open it at once.
  useEffect(() => {
    if (branches.data?.page.total === 1 && branchId === null) setBranchId(branches.data.data[0]!.branchId);
  }, [branches.data, branchId]);
  if (branches.error) return <ErrorAlert error={branches.error} onRetry={branches.reload} />;
  const years = Array.from({ length: 5 }, (_, i) => dayjs().year() - i);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title="承诺践诺"
        extra={
          <Select
            aria-label="年度"
            value={year}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
        }
      >
        <Table<BranchFigures>
          rowKey="branchId"
          size="small"
          loading={branches.loading}
          dataSource={branches.data?.data}
          scroll={{ x: 640 }}
          rowClassName={(r) => (r.branchId === branchId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setBranchId(r.branchId), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: 20,
            total: branches.data?.page.total ?? 0,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 个支部`,
          }}
          locale={{ emptyText: <Empty description="您的范围内没有党支部" /> }}
          columns={[
            { title: '支部', dataIndex: 'branchName', fixed: 'left', width: 180 },
            { title: '党员', dataIndex: 'members' },
            { title: '已承诺', dataIndex: 'committed', render: (n: number, r) => `${n} 人（${r.commitments} 项）` },
            { title: '已践诺', dataIndex: 'fulfilled' },
            { title: '未践诺', dataIndex: 'unfulfilled' },
            { title: '待评定', dataIndex: 'pending' },
            { title: '践诺率', dataIndex: 'fulfilRate', render: rate },
          ]}
        />
      </Card>
      {branchId ? (
        <BranchCommitments key={`${branchId}-${year}`} branchId={branchId} year={year} onMarked={branches.reload} />
      ) : null}
    </Space>
  );
}

function BranchCommitments({ branchId, year, onMarked }: { branchId: number; year: number; onMarked: () => void }) {
  const { message } = App.useApp();
  const [state, setState] = useState<CommitmentState | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useAsync(
    (s) => fetchBranchCommitments(branchId, year, state === 'all' ? undefined : state, page, s),
    [branchId, year, state, page],
  );
  const [marking, setMarking] = useState<{ row: CommitmentRow; state: 'fulfilled' | 'unfulfilled' } | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  const d = list.data;
  const canMark = d?.abilities.includes('mark') ?? false;
  const submit = async ({ note }: { note?: string }) => {
    if (!marking) return;
    try {
      await markCommitment(marking.row.id, marking.state, note || undefined);
      message.success(`已评定为${COMMITMENT_STATE_LABELS[marking.state]}`);
      setMarking(null);
      form.resetFields();
      list.reload();
      onMarked();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['note'])) message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      loading={!d}
      title={d ? `${d.branch.name} · ${year} 年承诺` : ''}
      data-testid="branch-commitments"
    >
      {d ? (
        <Space wrap size="large" style={{ marginBottom: 12 }}>
          <Statistic title="承诺" value={d.figures.commitments} suffix="项" />
          <Statistic title="已践诺" value={d.figures.fulfilled} />
          <Statistic title="未践诺" value={d.figures.unfulfilled} />
          <Statistic title="待评定" value={d.figures.pending} />
          <Statistic title="践诺率" value={rate(d.figures.fulfilRate)} />
        </Space>
      ) : null}
      <Segmented
        style={{ marginBottom: 8 }}
        value={state}
        onChange={(v) => {
          setState(v as CommitmentState | 'all');
          setPage(1);
        }}
        options={[
          { value: 'all', label: '全部' },
          ...(Object.keys(COMMITMENT_STATE_LABELS) as CommitmentState[]).map((k) => ({
            value: k,
            label: COMMITMENT_STATE_LABELS[k],
          })),
        ]}
      />
      <List<CommitmentRow>
        loading={list.loading}
        dataSource={d?.data ?? []}
        locale={{ emptyText: '暂无承诺' }}
        pagination={
          d && d.page.total > 20
            ? { current: page, pageSize: 20, total: d.page.total, onChange: setPage, size: 'small' }
            : false
        }
        renderItem={(c) => (
          <List.Item
            data-testid={`commitment-${c.id}`}
            actions={
              canMark && c.state === 'published'
                ? [
                    <Button
                      key="y"
                      size="small"
                      type="primary"
                      onClick={() => setMarking({ row: c, state: 'fulfilled' })}
                    >
                      已践诺
                    </Button>,
                    <Button key="n" size="small" onClick={() => setMarking({ row: c, state: 'unfulfilled' })}>
                      未践诺
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {c.memberName}
                  <Tag color={STATE_COLOR[c.state]}>{COMMITMENT_STATE_LABELS[c.state]}</Tag>
                </Space>
              }
              description={
                <>
                  {c.content}
                  {c.note ? (
                    <div>
                      评定说明：{c.note}
                      {c.markedByName ? `（${c.markedByName}）` : ''}
                    </div>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={marking !== null}
        title={marking ? `评定「${marking.row.memberName}」的承诺为${COMMITMENT_STATE_LABELS[marking.state]}` : ''}
        okText="确定"
        onOk={() => form.submit()}
        onCancel={() => setMarking(null)}
        destroyOnHidden
      >
        <p>{marking?.row.content}</p>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="note"
            label="评定说明"
            rules={marking?.state === 'unfulfilled' ? [{ required: true, message: '评定为未践诺时须填写说明' }] : []}
          >
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
