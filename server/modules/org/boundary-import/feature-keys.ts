/** Which attribute of an imported feature holds its code and its name (files come from many GIS tools). */
const CODE_KEYS = ['编码', '网格编码', '社区编码', '区划代码', 'code', 'grid_code', 'gridcode', 'wgbm', 'bm', 'dm'];
const NAME_KEYS = ['名称', '网格名称', '社区名称', 'name', 'grid_name', 'gridname', 'wgmc', 'mc'];

function pick(props: Record<string, unknown>, keys: string[]): string | null {
  const lower = new Map(Object.entries(props).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const key of keys) {
    const v = lower.get(key);
    // dBase stores numbers as numbers: a 15-digit code read back as 320508001001001 is still fine.
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return null;
}

export function featureKeys(props: Record<string, unknown>): { code: string | null; name: string | null } {
  return { code: pick(props, CODE_KEYS), name: pick(props, NAME_KEYS) };
}
