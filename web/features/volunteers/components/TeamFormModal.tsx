import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../contracts/roles';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { applyFieldErrors } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { createTeam, fetchLeaderCandidates, updateTeam, type Team } from '../api';
import { TEAM_FIELDS, teamBody, type TeamFormValues } from '../forms';

/** Creating a team (党员志愿先锋队…) or renaming it and changing its leader. */
export function TeamFormModal({
  team,
  open,
  onClose,
  onSaved,
}: {
  team: Team | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<TeamFormValues>();
  const communities = useCommunities(me);
  const communityId = Form.useWatch('communityId', form) ?? team?.communityId;
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const candidates = useAsync(
    (s) => (open && communityId ? fetchLeaderCandidates(communityId, q, s) : Promise.resolve([])),
    [open, communityId, q],
  );
  const options = (candidates.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.displayName}（${ROLE_LABELS[c.role as keyof typeof ROLE_LABELS] ?? c.role}）`,
  }));
  if (team?.leaderUserId && !options.some((o) => o.value === team.leaderUserId))
    options.unshift({ value: team.leaderUserId, label: team.leaderName ?? '现任队长' });
  const submit = (v: TeamFormValues) => {
    const body = teamBody({ ...v, communityId: v.communityId ?? team?.communityId }, team !== null);
    const work = team
      ? updateTeam(team.id, body as { name: string; leaderUserId: number | null })
      : createTeam(body as { communityId: number; name: string });
    return work.then(
      () => {
        message.success(team ? '队伍已更新' : '队伍已组建');
        onSaved();
      },
      (e: unknown) => {
        if (!applyFieldErrors(form, e, TEAM_FIELDS)) message.error(errorMessage(e));
      },
    );
  };
  return (
    <Modal
      title={team ? `编辑队伍：${team.name}` : '组建志愿队伍'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          team
            ? { communityId: team.communityId, name: team.name, leaderUserId: team.leaderUserId ?? undefined }
            : { communityId: communities.data?.[0]?.value }
        }
      >
        {!team && (
          <Form.Item name="communityId" label="社区" rules={[{ required: true, message: '请选择社区' }]}>
            <Select loading={communities.loading} options={communities.data} />
          </Form.Item>
        )}
        <Form.Item name="name" label="队伍名称" rules={[{ required: true, message: '请填写队伍名称' }]}>
          <Input maxLength={40} placeholder="如：党员志愿先锋队" />
        </Form.Item>
        <Form.Item name="leaderUserId" label="队长（本社区账号，可按姓名查找）">
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={candidates.loading}
            options={options}
            placeholder="输入姓名查找"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
