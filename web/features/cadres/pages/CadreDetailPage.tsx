import { Button, Card, Descriptions, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { POST_KIND_LABELS, RESERVE_STATE_LABELS, type PostRow } from '../../../../contracts/cadres.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCadre } from '../api';
import { CadreFormModal } from '../components/CadreFormModal';

/** One person: record, current posts and the history of posts held. */
export default function CadreDetailPage() {
  const id = Number(useParams().id);
  const cadre = useAsync((s) => fetchCadre(id, s), [id]);
  const [editing, setEditing] = useState(false);
  if (cadre.error) return <ErrorAlert error={cadre.error} onRetry={cadre.reload} />;
  if (!cadre.data) return <Skeleton active />;
  const c = cadre.data;
  return (
    <Card title={c.name} extra={c.canManage && <Button onClick={() => setEditing(true)}>修改</Button>}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="性别">{c.gender}</Descriptions.Item>
        <Descriptions.Item label="出生年份">{c.birthYear ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="政治面貌">{c.partyMember ? '中共党员' : '群众'}</Descriptions.Item>
        <Descriptions.Item label="所在单位">
          {c.unit} {c.external && <Tag color="orange">外单位</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="管理单位">{c.nodeName}</Descriptions.Item>
        <Descriptions.Item label="电话">{c.phoneMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="后备人才">
          {c.reserveState ? RESERVE_STATE_LABELS[c.reserveState] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="备注" span={2}>
          {c.note || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table<PostRow>
        style={{ marginTop: 16 }}
        title={() => '任职经历'}
        rowKey="id"
        pagination={false}
        dataSource={c.posts}
        scroll={{ x: true }}
        columns={[
          { title: '节点', dataIndex: 'nodeName' },
          { title: '岗位', dataIndex: 'kind', render: (k: PostRow['kind']) => POST_KIND_LABELS[k] },
          {
            title: '职务',
            dataIndex: 'title',
            render: (t: string, r) => (
              <>
                {t} {r.crossAppointment && <Tag color="orange">交叉任职</Tag>}
              </>
            ),
          },
          { title: '任职', dataIndex: 'startedOn' },
          { title: '离任', dataIndex: 'endedOn', render: (v: string | null) => v ?? <Tag color="green">在任</Tag> },
        ]}
      />
      <CadreFormModal open={editing} cadre={c} onClose={() => setEditing(false)} onSaved={cadre.reload} />
    </Card>
  );
}
