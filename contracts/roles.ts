import { z } from 'zod';

export const ROLES = [
  'district_admin',
  'street_admin',
  'community_secretary',
  'community_staff',
  'grid_worker',
  'building_leader',
  'party_member',
  'volunteer',
  'resident',
  'department_handler',
  'co_unit_contact',
  'property_company',
  'kiosk',
] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  district_admin: '区级管理员',
  street_admin: '街道管理员',
  community_secretary: '社区书记',
  community_staff: '社区工作者',
  grid_worker: '网格员',
  building_leader: '楼栋长',
  party_member: '党员',
  volunteer: '志愿者',
  resident: '居民',
  department_handler: '职能部门处置人员',
  co_unit_contact: '共建单位联系人',
  property_company: '物业公司',
  kiosk: '自助服务终端',
};

export const NODE_LEVEL_LABELS = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
  estate: '小区/街巷',
  building: '楼栋',
  house: '房屋',
} as const;
