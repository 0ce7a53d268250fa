import { Form, Select } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { useAsync } from '../../../shared/use-async';
import { addInvitees, fetchBranchMembers, fetchPartyOrgs, fetchStaff } from '../api';
import type { MeetingDetail } from '../types';
import { FormDialog } from './FormDialog';

type Values = { branchId?: number; members?: number[]; staff?: number[]; units?: string[] };

/**
 * Invites a branch's members (they attend for that branch, so attendance rolls up per branch),
 * community staff, and units by name (co-building units, departments, the property company).
 */
export function InviteDialog({
  meeting,
  onClose,
  onDone,
}: {
  meeting: MeetingDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const me = useMe();
  const [branchId, setBranchId] = useState<number>();
  const orgs = useAsync((s) => fetchPartyOrgs(meeting.communityId, s), [meeting.communityId]);
  const members = useAsync((s) => (branchId ? fetchBranchMembers(branchId, s) : Promise.resolve([])), [branchId]);
  const staff = useAsync(
    (s) => (me.abilities.includes('services.handle') ? fetchStaff(s) : Promise.resolve([])),
    [me.id],
  );
  const submit = (v: Values) =>
    addInvitees(meeting.id, {
      users: [
        ...(v.members ?? []).map((userId) => ({ userId, partyOrgId: v.branchId })),
        ...(v.staff ?? []).map((userId) => ({ userId })),
      ],
      units: v.units ?? [],
    });
  return (
    <FormDialog<Values>
      title="邀请参会"
      okText="邀请"
      fields={['users', 'units']}
      onSubmit={submit}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="branchId" label="党组织">
        <Select
          allowClear
          loading={orgs.loading}
          onChange={setBranchId}
          options={orgs.data?.map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="members" label="党员">
        <Select
          mode="multiple"
          disabled={!branchId}
          loading={members.loading}
          optionFilterProp="label"
          options={members.data?.filter((m) => m.userId).map((m) => ({ value: m.userId!, label: m.name }))}
        />
      </Form.Item>
      <Form.Item name="staff" label="社区工作人员">
        <Select
          mode="multiple"
          loading={staff.loading}
          optionFilterProp="label"
          options={staff.data?.map((u) => ({ value: u.id, label: u.displayName }))}
        />
      </Form.Item>
      <Form.Item name="units" label="单位（输入后回车）">
        <Select mode="tags" open={false} />
      </Form.Item>
    </FormDialog>
  );
}
