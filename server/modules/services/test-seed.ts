import { withTx } from '../../platform/db/tx.ts';
import type { TestContext } from '../../test/test-app.ts';
import { seedCommunityLife } from './seed-community-life.ts';

/** Seeds community life on the test slice (a no-op once the demo seed does it itself). */
export function seedCommunityLifeFor(ctx: TestContext): Promise<void> {
  return withTx(ctx.db, (tx) => seedCommunityLife(tx, ctx.seed.tree));
}
