// No zod here: the web bundle imports this file at runtime.

/** A formula version (e.g. `branch-star/v1`, kept with every run so it can be recomputed) as users read it. */
const FORMULA_NAMES: Record<string, string> = {
  'branch-star': '支部评星',
  'property-month': '红色物业月度',
  'department-year': '部门年度考评',
};
export function formulaVersionLabel(version: string): string {
  const [name = '', v] = version.split('/');
  const n = /^v(\d+)$/.exec(v ?? '')?.[1];
  return `${FORMULA_NAMES[name] ?? '评价'}公式${n ? `第 ${n} 版` : ''}`;
}
