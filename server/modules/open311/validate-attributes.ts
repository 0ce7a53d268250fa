import { attributesOf } from './attributes.ts';
import { parseW3cDate } from './format.ts';

type Answer = string | number | string[];

/**
 * Checks the answers against the service definition and returns them typed, with one
 * message per problem so that the client hears about every wrong field at once.
 * Codes the definition does not know are ignored (clients may send extras).
 */
export function validateAttributes(serviceCode: string, posted: Record<string, string | string[]>): { values: Record<string, Answer>; errors: string[] } {
  const values: Record<string, Answer> = {};
  const errors: string[] = [];
  for (const attr of attributesOf(serviceCode)) {
    const raw = posted[attr.code];
    const list = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    const label = `attribute[${attr.code}]（${attr.description}）`;
    if (!list.length) {
      if (attr.required) errors.push(`${label} 为必填项`);
      continue;
    }
    const keys = new Set(attr.values?.map((v) => v.key));
    switch (attr.datatype) {
      case 'multivaluelist': {
        const unknown = list.filter((v) => !keys.has(v));
        if (unknown.length) errors.push(`${label} 含有不在可选范围内的值：${unknown.join('、')}`);
        else values[attr.code] = [...new Set(list)];
        break;
      }
      case 'singlevaluelist':
        if (list.length > 1 || !keys.has(list[0]!)) errors.push(`${label} 只能选择一个可选值`);
        else values[attr.code] = list[0]!;
        break;
      case 'number': {
        const n = Number(list[0]);
        if (list.length > 1 || !Number.isFinite(n)) errors.push(`${label} 应为数字`);
        else values[attr.code] = n;
        break;
      }
      case 'datetime':
        if (list.length > 1 || !parseW3cDate(list[0]!)) errors.push(`${label} 应为含时区的 ISO 8601 时间，如 2026-03-01T22:30:00+08:00`);
        else values[attr.code] = list[0]!;
        break;
      case 'string':
        if (list.length > 1 || /[\r\n]/.test(list[0]!) || list[0]!.length > 200) errors.push(`${label} 应为不超过 200 字的单行文字`);
        else values[attr.code] = list[0]!;
        break;
      case 'text':
        if (list.length > 1 || list[0]!.length > 2000) errors.push(`${label} 不能超过 2000 字`);
        else values[attr.code] = list[0]!;
        break;
    }
  }
  return { values, errors };
}
