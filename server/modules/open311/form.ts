/**
 * A POSTed GeoReport form: plain fields, plus `attribute[code]=v` and, for multivaluelists,
 * `attribute[code][]=v` repeated. Repeated plain fields keep their last value.
 */
export interface PostedForm {
  fields: Record<string, string>;
  attributes: Record<string, string | string[]>;
}

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

export function parseForm(body: string): PostedForm {
  const fields: Record<string, string> = {};
  const attributes: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const match = ATTRIBUTE.exec(name);
    if (!match) {
      fields[name] = value;
      continue;
    }
    const code = match[1]!;
    if (match[2]) {
      const list = attributes[code];
      attributes[code] = Array.isArray(list) ? [...list, value] : [value];
    } else {
      attributes[code] = value;
    }
  }
  return { fields, attributes };
}
