import { App, Button, Card, Descriptions, Empty, List, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PAIRING_RELATION_LABELS, PARTY_ORG_KIND_LABELS } from '../../../../contracts/party-org-labels.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import {
  endPairing,
  fetchOrgDetail,
  fetchOrgMembers,
  retireOrg,
  type OrgMember,
  type OrgPost,
  type PartyOrg,
} from '../org-api';
import { CreateOrgModal, RenameOrgModal } from './OrgFormModals';
import { PairingModal } from './PairingModal';

const MEMBER_KIND: Record<OrgMember['kind'], string> = {
  regular: '在册',
  in_service: '在职',
  retired: '离退休',
  floating: '流动',
};
const PERIOD: Record<OrgPost['period'], string> = { month: '每月', quarter: '每季度', year: '每年' };

/** One organisation: its facts, members with their posts, the community's posts (设岗定责), co-building pairings, and the changes the viewer may make. */
export function PartyOrgDetailCard({ orgId, onChanged }: { orgId: number; onChanged: (created?: PartyOrg) => void }) {
  const { message } = App.useApp();
  const detail = useAsync((s) => fetchOrgDetail(orgId, s), [orgId]);
  const [page, setPage] = useState(1);
  const members = useAsync((s) => fetchOrgMembers(orgId, page, s), [orgId, page]);
  const [dialog, setDialog] = useState<'create' | 'rename' | 'pair' | null>(null);
  const changed = () => {
    setDialog(null);
    detail.reload();
    members.reload();
    onChanged();
  };
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  const org = detail.data;
  if (!org) return <Card loading />;
  const manage = org.abilities.includes('manage');
  const pairable = org.kind === 'joint_committee' || org.kind === 'grid_branch';
  return (
    <Card
      title={
        <Space wrap>
          <Tag color="red">{PARTY_ORG_KIND_LABELS[org.kind]}</Tag>
          <span data-testid="party-org-title">{org.name}</span>
          {org.retiredAt ? <Tag>已撤销</Tag> : null}
        </Space>
      }
      extra={
        manage ? (
          <Space wrap>
            {org.childKinds.length ? (
              <Button type="primary" onClick={() => setDialog('create')}>
                设立下级组织
              </Button>
            ) : null}
            <Button onClick={() => setDialog('rename')}>修改</Button>
            <Popconfirm
              title={`撤销「${org.name}」？`}
              description="撤销后保留名称与历史记录，不再出现在组织树中。"
              okText="撤销"
              cancelText="取消"
              onConfirm={() =>
                retireOrg(org.id).then(
                  () => {
                    message.success('已撤销');
                    changed();
                  },
                  (e: unknown) => message.error(errorMessage(e)),
                )
              }
            >
              <Button danger>撤销</Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'node', label: '所在', children: org.nodeName ?? '—' },
          { key: 'parent', label: '上级组织', children: org.parentName ?? '—' },
          { key: 'secretary', label: '书记（组长）', children: org.secretaryName ?? '—' },
          { key: 'counts', label: '下级组织 / 党员', children: `${org.childCount} 个 / ${org.memberCount} 名` },
        ]}
      />
      <Tabs
        items={[
          {
            key: 'members',
            label: '党员与岗位',
            children: members.error ? (
              <ErrorAlert error={members.error} onRetry={members.reload} />
            ) : members.data?.note ? (
              <Empty description={members.data.note} />
            ) : (
              <Table<OrgMember>
                rowKey="id"
                size="small"
                loading={members.loading}
                dataSource={members.data?.data}
                scroll={{ x: 480 }}
                pagination={{
                  current: page,
                  pageSize: 20,
                  total: members.data?.page.total ?? 0,
                  onChange: setPage,
                  showTotal: (t) => `共 ${t} 名`,
                }}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '类别', dataIndex: 'kind', render: (k: OrgMember['kind']) => MEMBER_KIND[k] },
                  {
                    title: '职务',
                    dataIndex: 'duty',
                    render: (d: OrgMember['duty']) => (d === 'secretary' ? '书记' : '党员'),
                  },
                  {
                    title: '所认岗位',
                    dataIndex: 'posts',
                    render: (p: string[]) => (p.length ? p.map((name) => <Tag key={name}>{name}</Tag>) : '未认岗'),
                  },
                ]}
              />
            ),
          },
          {
            key: 'posts',
            label: '设岗定责',
            children: (
              <Table<OrgPost>
                rowKey="id"
                size="small"
                dataSource={org.posts}
                pagination={false}
                scroll={{ x: 480 }}
                locale={{ emptyText: '社区尚未设岗' }}
                columns={[
                  { title: '岗位', dataIndex: 'name' },
                  { title: '职责', dataIndex: 'duties', ellipsis: true },
                  {
                    title: '考核',
                    key: 'target',
                    render: (_: unknown, p) => `${PERIOD[p.period]} ${p.targetPoints} 分`,
                  },
                  { title: '本组织在岗', dataIndex: 'holders', render: (n: number) => `${n} 人` },
                ]}
              />
            ),
          },
          {
            key: 'pairings',
            label: `结对共建（${org.pairings.length}）`,
            children: (
              <>
                {manage && pairable ? (
                  <Button style={{ marginBottom: 8 }} onClick={() => setDialog('pair')}>
                    添加结对
                  </Button>
                ) : null}
                {!pairable ? (
                  <Empty description="共建单位与社区联合党委或网格党支部结对" />
                ) : (
                  <List
                    size="small"
                    dataSource={org.pairings}
                    locale={{ emptyText: '暂无结对共建单位' }}
                    renderItem={(p) => (
                      <List.Item
                        actions={
                          manage
                            ? [
                                <Popconfirm
                                  key="end"
                                  title={`结束与「${p.coUnitName}」的结对？`}
                                  okText="结束"
                                  cancelText="取消"
                                  onConfirm={() =>
                                    endPairing(p.id).then(
                                      () => {
                                        message.success('已结束结对');
                                        changed();
                                      },
                                      (e: unknown) => message.error(errorMessage(e)),
                                    )
                                  }
                                >
                                  <Button size="small" danger>
                                    结束结对
                                  </Button>
                                </Popconfirm>,
                              ]
                            : []
                        }
                      >
                        <List.Item.Meta
                          title={p.coUnitName}
                          description={`${PAIRING_RELATION_LABELS[p.relation]}${p.signedOn ? ` · ${p.signedOn} 签约` : ''}${p.agreement ? ` · ${p.agreement}` : ''}`}
                        />
                      </List.Item>
                    )}
                  />
                )}
              </>
            ),
          },
        ]}
      />
      {dialog === 'create' ? (
        <CreateOrgModal
          parent={org}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            setDialog(null);
            onChanged(created);
          }}
        />
      ) : null}
      {dialog === 'rename' ? <RenameOrgModal org={org} onClose={() => setDialog(null)} onSaved={changed} /> : null}
      {dialog === 'pair' ? <PairingModal org={org} onClose={() => setDialog(null)} onPaired={changed} /> : null}
    </Card>
  );
}
