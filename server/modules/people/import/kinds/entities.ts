import { bulkUpsert } from '../../commands/bulk-upsert.ts';
import { ENTITY_TYPES } from '../../../../../contracts/people.ts';
import { gridRefsByCode, type GridRef } from '../../org-refs.ts';
import { bigrams } from '../../rules/tokens.ts';
import { USCC_PROBLEM_TEXT, usccProblem } from '../../rules/uscc.ts';
import { entities } from '../../schema.ts';
import type { CellError, KindSpec } from '../kind.ts';

export type EntityValue = Omit<typeof entities.$inferInsert, 'id' | 'updatedAt'>;

export const entityKind: KindSpec<Map<string, GridRef>, EntityValue> = {
  fields: [
    {
      field: 'creditCode',
      label: '统一社会信用代码',
      required: true,
      aliases: ['统一社会信用代码', '信用代码', '社会信用代码'],
    },
    { field: 'name', label: '单位名称', required: true, aliases: ['单位名称', '名称', '企业名称'] },
    { field: 'type', label: '单位类型', required: true, aliases: ['单位类型', '类型', '法人类型'] },
    { field: 'legalRep', label: '法定代表人', aliases: ['法定代表人', '法人代表', '负责人'] },
    { field: 'address', label: '地址', aliases: ['地址', '住所', '经营场所'] },
    { field: 'gridCode', label: '网格编码', required: true, aliases: ['网格编码', '所属网格编码'] },
    { field: 'employees', label: '从业人数', aliases: ['从业人数', '员工人数', '职工人数'] },
  ],
  lookup: (q, rows, ctx) =>
    gridRefsByCode(q, [...new Set(rows.map((r) => r.gridCode ?? '').filter(Boolean))], ctx.scopePath),
  validate(row, grids) {
    const errors: CellError[] = [];
    const fail = (field: string, reason: string) => {
      errors.push({ field, value: row[field] ?? '', reason });
    };
    const code = (row.creditCode ?? '').toUpperCase();
    const problem = code ? usccProblem(code) : null;
    if (!code) fail('creditCode', '必填');
    else if (problem) fail('creditCode', USCC_PROBLEM_TEXT[problem]);
    if (!row.name) fail('name', '必填');
    if (!(ENTITY_TYPES as readonly string[]).includes(row.type ?? ''))
      fail('type', '应为 企业、个体工商户、社会组织 或 机关事业单位');
    const grid = row.gridCode ? grids.get(row.gridCode) : undefined;
    if (!grid) fail('gridCode', row.gridCode ? '网格不存在或不在您的管辖范围内' : '必填');
    const employees = row.employees ? Number(row.employees) : null;
    if (employees !== null && !(Number.isInteger(employees) && employees >= 0)) fail('employees', '应为非负整数');
    if (errors.length || !grid) return errors;
    return {
      creditCode: code,
      name: row.name!,
      type: row.type!,
      legalRep: row.legalRep || null,
      address: row.address || null,
      gridNodeId: grid.id,
      scopePath: grid.path,
      employees,
      searchTokens: bigrams(row.name, row.address),
    };
  },
  async write(tx, values) {
    if (!values.length) return;
    await bulkUpsert(tx, entities, [...new Map(values.map((v) => [v.creditCode, v])).values()], {
      target: ['credit_code'],
      compare: ['name', 'type', 'legal_rep', 'address', 'grid_node_id', 'employees'],
    });
  },
};
