/**
 * City component id (城市部件编码, GB/T 30428.2 / CJ/T 214): 16 digits =
 * 6-digit county-level division + 2-digit major class + 2-digit minor class + 6-digit sequence.
 */
export const COMPONENT_MAJORS: Record<string, string> = {
  '01': '公用设施',
  '02': '道路交通',
  '03': '市容环境',
  '04': '园林绿化',
  '05': '房屋土地',
  '06': '其他设施',
};

/** The minor classes a community meets most; unknown minors of a known major are still accepted. */
export const COMPONENT_MINORS: Record<string, string> = {
  '0101': '上水井盖',
  '0102': '污水井盖',
  '0103': '雨水井盖',
  '0104': '电力井盖',
  '0105': '通讯井盖',
  '0109': '消防栓',
  '0116': '路灯',
  '0201': '停车场',
  '0204': '交通信号灯',
  '0205': '交通标志牌',
  '0210': '护栏',
  '0301': '公共厕所',
  '0302': '垃圾箱',
  '0303': '垃圾房',
  '0311': '广告牌',
  '0401': '古树名木',
  '0402': '行道树',
  '0403': '绿地',
  '0602': '健身设施',
  '0604': '监控电子眼',
};

export interface ComponentCodeParts {
  division: string;
  major: string;
  minor: string;
  sequence: string;
}

export function componentCodeProblem(code: string, districtCode: string | null): string | null {
  if (!/^\d{16}$/.test(code)) return '部件编码应为16位数字';
  const major = code.slice(6, 8);
  if (!COMPONENT_MAJORS[major]) return `大类代码 ${major} 不存在（01–06）`;
  if (code.slice(8, 10) === '00') return '小类代码不能为00';
  if (code.slice(10) === '000000') return '流水号不能为000000';
  if (districtCode && code.slice(0, 6) !== districtCode) return `行政区划码应为本区 ${districtCode}`;
  return null;
}

export function componentCodeParts(code: string): ComponentCodeParts {
  return { division: code.slice(0, 6), major: code.slice(6, 8), minor: code.slice(8, 10), sequence: code.slice(10) };
}

export function componentClassName(major: string, minor: string): string {
  return COMPONENT_MINORS[major + minor] ?? `${COMPONENT_MAJORS[major] ?? '部件'}-${minor}`;
}
