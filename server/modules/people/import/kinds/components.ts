import { bulkUpsert } from '../../commands/bulk-upsert.ts';
import { COMPONENT_STATES } from '../../../../../contracts/people.ts';
import { isUnder } from '../../../../platform/scope.ts';
import { gridRefsById, type GridRef } from '../../org-refs.ts';
import { componentClassName, componentCodeParts, componentCodeProblem } from '../../rules/component-code.ts';
import { components } from '../../schema.ts';
import type { CellError, KindSpec } from '../kind.ts';

export type ComponentValue = Omit<typeof components.$inferInsert, 'id' | 'updatedAt'>;

/** Lookup: each row's point → grid (the org module's GridLocator), then those grids' paths. */
interface Located {
  gridOf: (string | null)[];
  grids: Map<number, GridRef>;
  index: Map<Record<string, string>, number>;
}

export const componentKind: KindSpec<Located, ComponentValue> = {
  fields: [
    { field: 'componentCode', label: '部件编码', required: true, aliases: ['部件编码', '部件标识码', '部件编号'] },
    { field: 'name', label: '部件名称', aliases: ['部件名称', '名称'] },
    { field: 'lng', label: '经度', required: true, aliases: ['经度', 'X坐标', 'lng'] },
    { field: 'lat', label: '纬度', required: true, aliases: ['纬度', 'Y坐标', 'lat'] },
    { field: 'state', label: '部件状态', required: true, aliases: ['部件状态', '状态'] },
    { field: 'ownerUnit', label: '权属单位', aliases: ['权属单位', '主管部门'] },
    { field: 'maintainerUnit', label: '养护单位', aliases: ['养护单位', '维护单位'] },
  ],
  async lookup(q, rows, ctx) {
    const ids = rows.map((r) => {
      const lng = Number(r.lng),
        lat = Number(r.lat);
      if (!r.lng || !r.lat || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
      return ctx.locate(lng, lat)?.id ?? null;
    });
    const grids = await gridRefsById(q, [...new Set(ids.filter((i): i is number => i !== null))]);
    return {
      gridOf: ids.map((i) => (i === null ? null : String(i))),
      grids,
      index: new Map(rows.map((r, i) => [r, i])),
    };
  },
  validate(row, located, ctx) {
    const errors: CellError[] = [];
    const fail = (field: string, reason: string) => {
      errors.push({ field, value: row[field] ?? '', reason });
    };
    const code = row.componentCode ?? '';
    const problem = code ? componentCodeProblem(code, ctx.districtCode) : '必填';
    if (problem) fail('componentCode', problem);
    if (!(COMPONENT_STATES as readonly string[]).includes(row.state ?? ''))
      fail('state', '应为 完好、破损、丢失 或 占用');
    const gridId = located.gridOf[located.index.get(row) ?? -1];
    const grid = gridId ? located.grids.get(Number(gridId)) : undefined;
    if (!row.lng || !Number.isFinite(Number(row.lng))) fail('lng', '经度应为数字');
    else if (!row.lat || !Number.isFinite(Number(row.lat))) fail('lat', '纬度应为数字');
    else if (!grid || !isUnder(grid.path, ctx.scopePath)) fail('lng', '坐标不在您管辖范围内的任何网格中');
    if (errors.length || !grid) return errors;
    const parts = componentCodeParts(code);
    return {
      componentCode: code,
      major: parts.major,
      minor: parts.minor,
      name: row.name || componentClassName(parts.major, parts.minor),
      lng: Number(row.lng),
      lat: Number(row.lat),
      state: row.state!,
      ownerUnit: row.ownerUnit || null,
      maintainerUnit: row.maintainerUnit || null,
      gridNodeId: grid.id,
      scopePath: grid.path,
    };
  },
  async write(tx, values) {
    if (!values.length) return;
    await bulkUpsert(tx, components, [...new Map(values.map((v) => [v.componentCode, v])).values()], {
      target: ['component_code'],
      compare: ['name', 'lng', 'lat', 'state', 'owner_unit', 'maintainer_unit'],
    });
  },
};
