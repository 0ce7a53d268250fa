import type { ImportKind } from '../../../../../contracts/people.ts';
import type { KindSpec } from '../kind.ts';
import { componentKind } from './components.ts';
import { entityKind } from './entities.ts';
import { houseKind } from './houses.ts';
import { residentKind } from './residents.ts';

export const KINDS: Record<ImportKind, KindSpec<unknown, unknown>> = {
  residents: residentKind as KindSpec<unknown, unknown>,
  houses: houseKind as KindSpec<unknown, unknown>,
  entities: entityKind as KindSpec<unknown, unknown>,
  components: componentKind as KindSpec<unknown, unknown>,
};
