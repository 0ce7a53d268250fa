import type { Tx } from '../../platform/db/tx.ts';
import type { SeededTree } from '../org/demo-tree.ts';
import { serviceItems, serviceStations, serviceSlots, type OpeningPeriod } from './schema.ts';
import { slotsFor } from './slots.ts';

type Item = [
  kind: 'affairs' | 'public_benefit',
  name: string,
  department: string,
  materials: string[],
  days: number,
  online: boolean,
  proxy: boolean,
];

/** Common items of a community's one-stop catalogue (domain.md §9). */
const ITEMS: Item[] = [
  ['affairs', '证明开具', '社区居委会', ['身份证', '户口簿'], 1, true, true],
  ['affairs', '居住证办理', '派出所', ['身份证', '租赁合同或房产证明', '一寸照片'], 15, false, true],
  ['affairs', '社保/医保参保登记', '人力资源和社会保障局', ['身份证', '户口簿'], 5, true, true],
  ['affairs', '老年优待证', '民政局', ['身份证', '一寸照片'], 7, true, true],
  ['affairs', '残疾人补贴申请', '残联', ['身份证', '残疾人证', '银行卡'], 20, false, true],
  ['affairs', '低保申请', '民政局', ['身份证', '户口簿', '家庭收入证明'], 30, false, true],
  ['public_benefit', '家电维修', '共建单位志愿服务队', [], 3, false, false],
  ['public_benefit', '居家养老上门服务', '社区养老服务站', ['身份证'], 3, false, false],
  ['public_benefit', '健康体检', '社区卫生服务中心', ['身份证', '医保卡'], 1, false, false],
  ['public_benefit', '法律咨询（三官一师）', '律师事务所联合党支部', [], 1, true, false],
  ['public_benefit', '喘息服务', '社区养老服务站', ['身份证', '照护评估结果'], 3, false, false],
  ['public_benefit', '共享书屋/厨房预约', '党群服务驿站', [], 0, false, false],
];

/** Mon–Fri 9:00–11:30 and 14:00–17:00, Saturday morning. */
const HOURS: OpeningPeriod[] = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, open: '09:00', close: '11:30' },
    { weekday, open: '14:00', close: '17:00' },
  ]),
  { weekday: 6, open: '09:00', close: '11:30' },
];

/**
 * The catalogue and one 党群服务驿站 in every community; slots for the next 14 days only in
 * the demo accounts' street (slot rows for 169 communities would only slow the first start).
 */
export async function seedServices(tx: Tx, tree: SeededTree, today: string): Promise<void> {
  for (const [si, street] of tree.streets.entries()) {
    for (const community of street.communities) {
      await tx.insert(serviceItems).values(
        ITEMS.map(([kind, name, departmentName, materials, timeLimitDays, online, proxy]) => ({
          communityId: community.id,
          scopePath: community.path,
          kind,
          name,
          departmentName,
          materials,
          timeLimitDays,
          online,
          proxy,
          whereWhen: `${community.name}党群服务驿站，工作日 9:00–17:00`,
        })),
      );
      const [station] = await tx
        .insert(serviceStations)
        .values({
          communityId: community.id,
          scopePath: community.path,
          name: `${community.name}党群服务驿站`,
          address: `${community.name}社区服务中心一楼`,
          openingHours: HOURS,
          slotMinutes: 30,
          capacityPerSlot: 3,
        })
        .returning({ id: serviceStations.id });
      if (si !== 0) continue;
      const slots = slotsFor(HOURS, 30, today, 14).map((s) => ({ ...s, stationId: station!.id, capacity: 3 }));
      if (slots.length) await tx.insert(serviceSlots).values(slots);
    }
  }
}
