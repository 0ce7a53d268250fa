import type { NodeLevel } from './schema.ts';

/**
 * Code length of each level. District/street/community follow the national statistical
 * division codes (6/9/12 digits, GB/T 2260 + NBS); a grid extends its community by 3 digits
 * (GB/T 30428.1 unit-grid style, 15 in all). Estates, buildings and houses have no national
 * code: we extend their parent's code by 3, 3 and 4 digits so every node has one unique code.
 */
export const CODE_LENGTH: Record<NodeLevel, number> = {
  district: 6,
  street: 9,
  community: 12,
  grid: 15,
  estate: 18,
  building: 21,
  house: 25,
};

/** The parent level each level hangs under. */
export const PARENT_LEVEL: Record<Exclude<NodeLevel, 'district'>, NodeLevel> = {
  street: 'district',
  community: 'street',
  grid: 'community',
  estate: 'grid',
  building: 'estate',
  house: 'building',
};

/** Chinese reason why `code` cannot be a child code of `parentCode` at `level`, or null if it can. */
export function codeProblem(level: NodeLevel, code: string, parentCode: string | null): string | null {
  const length = CODE_LENGTH[level];
  if (!/^\d+$/.test(code)) return '编码只能由数字组成';
  if (code.length !== length) return `编码长度应为 ${length} 位，实际 ${code.length} 位`;
  if (parentCode !== null && !code.startsWith(parentCode)) return `编码必须以上级编码 ${parentCode} 开头`;
  if (/^0+$/.test(code.slice(parentCode?.length ?? 0))) return '本级编号不能全为 0';
  return null;
}
