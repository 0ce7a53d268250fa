/**
 * Turns the features of an uploaded file into a per-feature plan against the tree: which node
 * each boundary updates or creates, what snapping changed, and what is wrong. Pure reading: the
 * same plan is the dry-run report and, when it has no errors, what the import writes.
 */
import { area } from '@turf/area';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { codeProblem } from '../codes.ts';
import { minus } from './geometry-ops.ts';
import { validateGridPolygon } from '../geo/validate-polygon.ts';
import type { GeoArea } from '../geo/types.ts';
import { orgNodes, type OrgNodeRow } from '../schema.ts';
import { featureKeys } from './feature-keys.ts';
import type { RawFeature } from './read-boundary-file.ts';
import { snapBoundaries, type SnapItem } from './snap.ts';

export type ImportAction = 'created' | 'updated' | 'unchanged' | 'error';
export interface FeaturePlan {
  index: number;
  code: string | null;
  name: string | null;
  nodeId: number | null;
  action: ImportAction;
  areaBeforeM2: number | null;
  areaAfterM2: number | null;
  snappedM2: number;
  /** what is wrong (action 'error'), then what snapping changed */
  messages: string[];
  /** the boundary to write (after snapping); null on error */
  geometry: GeoArea | null;
}
export interface ImportPlan {
  childLevel: 'community' | 'grid';
  features: FeaturePlan[];
  warnings: string[];
}

const LABEL = { community: '社区', grid: '网格' } as const;
/** Boundaries this close to the stored one (m² of symmetric difference) count as unchanged. */
const SAME_M2 = 0.5;
const m2 = (g: GeoArea | null | undefined) => (g ? Math.round(area(g as never) * 10) / 10 : null);

export async function planImport(
  tx: Queryable,
  parent: OrgNodeRow,
  raw: RawFeature[],
  toleranceM2: number,
): Promise<ImportPlan> {
  if (parent.level !== 'street' && parent.level !== 'community')
    throw invalid('id', '只能在街道（导入社区边界）或社区（导入网格边界）上导入边界');
  const childLevel = parent.level === 'street' ? 'community' : 'grid';
  const kind = LABEL[childLevel];
  const children = await tx
    .select()
    .from(orgNodes)
    .where(and(eq(orgNodes.parentId, parent.id), eq(orgNodes.level, childLevel), isNull(orgNodes.retiredAt)));
  const byCode = new Map(children.map((c) => [c.code, c]));
  const claimed = new Map<string, number>(); // code → feature index, to catch duplicates
  // New grids named but not numbered take the next free number after the tree's and the file's.
  const fileCodes = raw
    .map((f) => featureKeys(f.properties).code)
    .filter((c): c is string => c !== null && c.startsWith(parent.code));
  let nextSeq = Math.max(0, ...[...children.map((c) => c.code), ...fileCodes].map((c) => Number(c.slice(12)) || 0)) + 1;

  type Draft = FeaturePlan & { node: OrgNodeRow | null; errors: string[] };
  const plans: Draft[] = [];
  for (const [index, f] of raw.entries()) {
    const { code, name } = featureKeys(f.properties);
    const label = `第 ${index + 1} 个要素${name || code ? `"${name ?? code}"` : ''}`;
    const plan: Draft = {
      index,
      code,
      name,
      nodeId: null,
      action: 'error',
      areaBeforeM2: null,
      areaAfterM2: null,
      snappedM2: 0,
      messages: [],
      errors: [],
      geometry: null,
      node: null,
    };
    plans.push(plan);
    const valid = validateGridPolygon(f.geometry, { path: `features[${index}].geometry`, label });
    if (!valid.ok) plan.errors.push(...valid.errors.map((e) => e.message));
    else plan.geometry = valid.polygon;

    let node = code ? (byCode.get(code) ?? null) : null;
    if (!code && name) {
      const named = children.filter((c) => c.name === name);
      if (named.length > 1) plan.errors.push(`${label}：${kind}名称"${name}"不唯一，请在文件中填写编码`);
      node = named.length === 1 ? named[0]! : null;
    }
    if (!code && !name) plan.errors.push(`${label}：缺少编码或名称属性（编码/code/grid_code、名称/name）`);
    plan.code = node?.code ?? code;
    if (node) {
      plan.node = node;
      plan.nodeId = node.id;
      plan.areaBeforeM2 = m2(node.geometry as GeoArea | null);
    } else if (code || name) {
      if (childLevel === 'community')
        plan.errors.push(`${label}：${parent.name}下没有编码为 ${code ?? '（空）'} 的社区（社区须先在组织架构中新增）`);
      else if (!name) plan.errors.push(`${label}：新建网格需要名称（名称/name 属性）`);
      else {
        const newCode = code ?? parent.code + String(nextSeq++).padStart(3, '0');
        const problem = codeProblem('grid', newCode, parent.code);
        if (problem) plan.errors.push(`${label}：网格编码 ${newCode} 无效：${problem}`);
        else if ((await tx.select({ id: orgNodes.id }).from(orgNodes).where(eq(orgNodes.code, newCode))).length)
          plan.errors.push(`${label}：编码 ${newCode} 已被其他节点使用`);
        plan.code = newCode;
      }
    }
    if (plan.code && claimed.has(plan.code))
      plan.errors.push(`${label}：与第 ${claimed.get(plan.code)! + 1} 个要素是同一个${kind}（编码 ${plan.code}）`);
    else if (plan.code) claimed.set(plan.code, index);
  }

  // Snap every well-formed boundary against the neighbours the file does not replace.
  const items: SnapItem[] = [],
    owners: number[] = [];
  for (const c of children) {
    if (!c.geometry || claimed.has(c.code)) continue;
    items.push({ label: `${kind}"${c.name}"（${c.code}）`, geometry: c.geometry as GeoArea, imported: false });
    owners.push(-1);
  }
  for (const p of plans) {
    if (!p.geometry) continue;
    items.push({ label: `第 ${p.index + 1} 个要素"${p.name ?? p.code}"`, geometry: p.geometry, imported: true });
    owners.push(p.index);
  }
  const parentLabel = `${parent.level === 'street' ? '街道' : '社区'}"${parent.name}"`;
  const { outcomes, warnings } = snapBoundaries(
    items,
    { label: parentLabel, geometry: (parent.geometry as GeoArea | null) ?? null },
    toleranceM2,
  );
  outcomes.forEach((o, k) => {
    const p = plans[owners[k]!];
    if (!p) return;
    p.errors.push(...o.errors);
    p.messages.push(...o.messages);
    p.geometry = o.geometry;
    p.snappedM2 = Math.round((o.cutM2 + o.filledM2) * 10) / 10;
  });
  for (const p of plans) {
    const failed = p.errors.length > 0 || !p.geometry;
    p.messages = [...p.errors, ...p.messages];
    p.areaAfterM2 = failed ? null : m2(p.geometry);
    p.action = failed
      ? 'error'
      : !p.node
        ? 'created'
        : sameArea(p.node.geometry as GeoArea | null, p.geometry!)
          ? 'unchanged'
          : 'updated';
    if (failed) p.geometry = null;
  }
  return { childLevel, features: plans.map(({ node: _node, errors: _errors, ...p }) => p), warnings };
}

function sameArea(stored: GeoArea | null, next: GeoArea): boolean {
  if (!stored) return false;
  const a = minus(stored, next),
    b = minus(next, stored);
  return (a ? area(a as never) : 0) + (b ? area(b as never) : 0) < SAME_M2;
}
