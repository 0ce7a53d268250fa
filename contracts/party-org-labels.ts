// Labels only (no zod), so the web app can import them without pulling zod into the bundle.
export const PARTY_ORG_KIND_LABELS = {
  working_committee: '街道党工委',
  joint_committee: '社区联合党委',
  grid_branch: '网格党支部',
  building_group: '楼栋党小组',
  functional_group: '功能型党小组',
} as const;
export const CO_UNIT_TYPE_LABELS = {
  government: '机关',
  enterprise: '企业',
  social_org: '社会组织',
  public_institution: '事业单位',
} as const;
/** 'member' = the N of 1+N+X, 'base' = the X (党建基地), 'pair' = a grid branch's 共建对子. */
export const PAIRING_RELATION_LABELS = { member: '联合党委成员单位', base: '共建基地', pair: '支部结对共建' } as const;
/** Which pairings each kind of organisation takes: units join a joint committee (1+N+X) or pair with a grid branch. */
export const PAIRING_RELATIONS_BY_KIND: Partial<
  Record<keyof typeof PARTY_ORG_KIND_LABELS, readonly (keyof typeof PAIRING_RELATION_LABELS)[]>
> = {
  joint_committee: ['member', 'base'],
  grid_branch: ['pair'],
};
