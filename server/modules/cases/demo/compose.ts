import type { Rng } from '../../../platform/demo-data/prng.ts';
import { ADDENDA, PHRASES, PLACES } from './phrases.ts';

/** A report as a resident would write it: place + complaint + remark, with a short title. */
export function composeReport(code: string, rng: Rng): { title: string; description: string } {
  const phrase = rng.pick(PHRASES[code] ?? ['有问题需要处理']);
  const place = rng.pick(PLACES);
  const addendum = rng.pick(ADDENDA);
  const title = phrase.length > 14 ? `${phrase.slice(0, 14)}…` : phrase;
  return { title, description: `${place}${phrase}${addendum ? `，${addendum}` : ''}。` };
}

export const LEAF_CODES = Object.keys(PHRASES);
