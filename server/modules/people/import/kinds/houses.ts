import type { Tx } from '../../../../platform/db/tx.ts';
import { bulkUpsert } from '../../commands/bulk-upsert.ts';
import { HOUSE_USES } from '../../../../../contracts/people.ts';
import { houseRefsByCode, type HouseRef } from '../../org-refs.ts';
import { bigrams } from '../../rules/tokens.ts';
import { houses } from '../../schema.ts';
import type { CellError, KindSpec } from '../kind.ts';

export type HouseValue = Omit<typeof houses.$inferInsert, 'updatedAt'>;

/** Idempotent upsert of house facts keyed on the house node; unchanged rows are left alone. */
export async function upsertHouses(tx: Tx, values: HouseValue[]): Promise<void> {
  if (!values.length) return;
  const rows = [...new Map(values.map((v) => [v.houseNodeId, v])).values()];
  await bulkUpsert(tx, houses, rows, {
    target: ['house_node_id'],
    compare: ['use', 'area_m2', 'owner_name', 'address'],
  });
}

export const houseKind: KindSpec<Map<string, HouseRef>, HouseValue> = {
  fields: [
    { field: 'houseCode', label: '房屋编码', required: true, aliases: ['房屋编码', '房屋编号'] },
    { field: 'use', label: '房屋用途', required: true, aliases: ['房屋用途', '用途', '使用情况'] },
    { field: 'areaM2', label: '建筑面积', aliases: ['建筑面积', '面积', '面积（㎡）', '面积(平方米)'] },
    { field: 'ownerName', label: '产权人', aliases: ['产权人', '房主', '业主'] },
  ],
  lookup: (q, rows, ctx) =>
    houseRefsByCode(q, [...new Set(rows.map((r) => r.houseCode ?? '').filter(Boolean))], ctx.scopePath),
  validate(row, refs) {
    const errors: CellError[] = [];
    const fail = (field: string, reason: string) => {
      errors.push({ field, value: row[field] ?? '', reason });
    };
    const house = row.houseCode ? refs.get(row.houseCode) : undefined;
    if (!row.houseCode) fail('houseCode', '必填');
    else if (!house) fail('houseCode', '房屋不存在或不在您的管辖范围内');
    if (!(HOUSE_USES as readonly string[]).includes(row.use ?? '')) fail('use', '应为 自住、出租、空置 或 商用');
    const area = row.areaM2 ? Number(row.areaM2) : null;
    if (area !== null && !(area > 0 && area < 100000)) fail('areaM2', '面积应为正数（平方米）');
    if (errors.length || !house) return errors;
    return {
      houseNodeId: house.id,
      scopePath: house.path,
      use: row.use!,
      areaM2: area,
      ownerName: row.ownerName || null,
      address: house.address,
      searchTokens: bigrams(house.address, row.ownerName),
    };
  },
  write: (tx, values) => upsertHouses(tx, values),
};
