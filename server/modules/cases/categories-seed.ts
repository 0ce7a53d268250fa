import type { DispatchLevel } from './schema.ts';

type Limits = [accept: number, sign: number, handle: number, verify: number];
interface Child {
  code: string;
  name: string;
  level?: DispatchLevel;
  dept?: string;
  limits?: Limits;
}
interface Group {
  code: string;
  name: string;
  kind: 'event' | 'component' | 'community';
  level: DispatchLevel;
  dept?: string;
  limits: Limits;
  children: Child[];
}

const DAY = 450; // one working day of 7.5 h
/**
 * Classes from the national digital urban management standard (GB/T 30428.2 events and
 * components, abridged to the ones a community sees) plus community matters. Limits are
 * working minutes per step: accept, sign, handle, verify.
 */
export const CATEGORY_TREE: Group[] = [
  {
    code: '01',
    name: '市容环境',
    kind: 'event',
    level: 'department',
    dept: 'urban_management',
    limits: [60, 60, DAY, 240],
    children: [
      { code: '0101', name: '暴露垃圾' },
      { code: '0102', name: '积存垃圾渣土' },
      { code: '0103', name: '道路不洁' },
      { code: '0104', name: '水域不洁' },
      { code: '0105', name: '绿地脏乱' },
      { code: '0106', name: '焚烧垃圾树叶' },
    ],
  },
  {
    code: '02',
    name: '宣传广告',
    kind: 'event',
    level: 'department',
    dept: 'urban_management',
    limits: [60, 60, DAY, 240],
    children: [
      { code: '0201', name: '非法小广告' },
      { code: '0202', name: '违章张贴悬挂广告' },
      { code: '0203', name: '占道广告牌' },
    ],
  },
  {
    code: '03',
    name: '施工管理',
    kind: 'event',
    level: 'department',
    dept: 'housing',
    limits: [60, 120, 2 * DAY, 240],
    children: [
      { code: '0301', name: '施工扰民' },
      { code: '0302', name: '工地扬尘' },
      { code: '0303', name: '道路遗撒' },
      { code: '0304', name: '违规占道施工' },
    ],
  },
  {
    code: '04',
    name: '街面秩序',
    kind: 'event',
    level: 'department',
    dept: 'urban_management',
    limits: [60, 60, DAY, 240],
    children: [
      { code: '0401', name: '无照经营游商' },
      { code: '0402', name: '占道经营' },
      { code: '0403', name: '店外经营' },
      { code: '0404', name: '机动车乱停放', dept: 'police' },
      { code: '0405', name: '非机动车乱停放', level: 'grid' },
      { code: '0406', name: '乱堆物堆料' },
    ],
  },
  {
    code: '05',
    name: '突发事件',
    kind: 'event',
    level: 'department',
    dept: 'housing',
    limits: [30, 30, 240, 120],
    children: [
      { code: '0501', name: '路面塌陷' },
      { code: '0502', name: '自来水管破裂' },
      { code: '0503', name: '下水道堵塞或破损' },
      { code: '0504', name: '道路积水' },
      { code: '0505', name: '火灾隐患', dept: 'fire_rescue' },
    ],
  },
  {
    code: '06',
    name: '公用设施',
    kind: 'component',
    level: 'department',
    dept: 'housing',
    limits: [60, 120, 3 * DAY, 240],
    children: [
      { code: '0601', name: '井盖破损或丢失' },
      { code: '0602', name: '路灯不亮' },
      { code: '0603', name: '消防栓损坏', dept: 'fire_rescue' },
      { code: '0604', name: '垃圾箱破损', dept: 'urban_management' },
      { code: '0605', name: '公厕设施损坏', dept: 'urban_management' },
    ],
  },
  {
    code: '07',
    name: '道路交通',
    kind: 'component',
    level: 'department',
    dept: 'police',
    limits: [60, 120, 3 * DAY, 240],
    children: [
      { code: '0701', name: '交通信号灯故障' },
      { code: '0702', name: '交通标志牌损坏' },
      { code: '0703', name: '护栏损坏', dept: 'housing' },
    ],
  },
  {
    code: '08',
    name: '园林绿化',
    kind: 'component',
    level: 'department',
    dept: 'housing',
    limits: [120, 120, 5 * DAY, 450],
    children: [
      { code: '0801', name: '行道树倒伏或缺株' },
      { code: '0802', name: '绿地被占或毁坏' },
    ],
  },
  {
    code: '11',
    name: '邻里纠纷',
    kind: 'community',
    level: 'community',
    limits: [120, 120, 3 * DAY, 450],
    children: [
      { code: '1101', name: '噪音扰民' },
      { code: '1102', name: '漏水渗水' },
      { code: '1103', name: '宠物扰民' },
      { code: '1104', name: '公共空间占用' },
    ],
  },
  {
    code: '12',
    name: '物业服务',
    kind: 'community',
    level: 'community',
    limits: [120, 120, 3 * DAY, 450],
    children: [
      { code: '1201', name: '电梯故障' },
      { code: '1202', name: '楼道照明损坏', level: 'grid' },
      { code: '1203', name: '小区保洁不到位' },
      { code: '1204', name: '门禁故障' },
    ],
  },
  {
    code: '13',
    name: '养老帮扶',
    kind: 'community',
    level: 'community',
    limits: [120, 120, 2 * DAY, 450],
    children: [
      { code: '1301', name: '独居老人照料' },
      { code: '1302', name: '助餐助浴需求' },
      { code: '1303', name: '困难救助', dept: 'civil_affairs', level: 'department' },
    ],
  },
  {
    code: '14',
    name: '安全隐患',
    kind: 'community',
    level: 'grid',
    limits: [60, 60, DAY, 240],
    children: [
      { code: '1401', name: '电动车飞线充电' },
      { code: '1402', name: '楼道堆物' },
      { code: '1403', name: '消防通道堵塞', dept: 'fire_rescue', level: 'department' },
      { code: '1404', name: '高空抛物' },
      { code: '1405', name: '危房隐患', dept: 'housing', level: 'department' },
    ],
  },
];

/** The defaults when neither category nor override says (5 working days to handle). */
export const DEFAULT_LIMITS = { acceptMinutes: 120, signMinutes: 120, handleMinutes: 5 * DAY, verifyMinutes: DAY };
