import type { Actor } from '../../../platform/auth/actor.ts';
import type { ImportContext } from '../import/kind.ts';
import type { PiiCodec } from '../pii.ts';

const NO_CODEC: PiiCodec = {
  seal: () => {
    throw new Error('this form seals no personal data');
  },
  open: () => {
    throw new Error('this form opens no personal data');
  },
  lookupHash: () => {
    throw new Error('this form hashes no personal data');
  },
};

/** The import context for one row typed into a form: the actor's scope, nothing streamed. */
export function formContext(
  actor: Actor,
  parts: Partial<Omit<ImportContext, 'actor' | 'scopePath'>> = {},
): ImportContext {
  return {
    actor,
    scopePath: actor.scopePath ?? '',
    codec: parts.codec ?? NO_CODEC,
    careTags: parts.careTags ?? new Set(),
    districtCode: parts.districtCode ?? null,
    locate: parts.locate ?? (() => null),
  };
}
