import { sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/tx.ts';
import { childPath } from '../platform/scope.ts';
import { orgNodes } from '../modules/org/schema.ts';

type NodeRow = typeof orgNodes.$inferInsert;
const CHUNK = 1000;

/**
 * Writes a freshly generated tree in bulk. Ids are assigned here (the table is empty when
 * the demo is seeded) so that paths are known before insertion and rows go out in chunks.
 */
export class NodeWriter {
  private nextId: number;
  private buffer: NodeRow[] = [];
  written = 0;
  constructor(
    private readonly tx: Tx,
    firstId: number,
  ) {
    this.nextId = firstId;
  }

  static async open(tx: Tx): Promise<NodeWriter> {
    const [row] = await tx.select({ max: sql<number>`coalesce(max(${orgNodes.id}), 0)` }).from(orgNodes);
    return new NodeWriter(tx, Number(row?.max ?? 0) + 1);
  }

  /** Queues a node and returns its id and path. */
  async add(
    parent: { id: number; path: string } | null,
    row: Omit<NodeRow, 'id' | 'path' | 'parentId'>,
  ): Promise<{ id: number; path: string }> {
    const id = this.nextId++;
    const path = childPath(parent?.path ?? null, id);
    this.buffer.push({ ...row, id, path, parentId: parent?.id ?? null });
    if (this.buffer.length >= CHUNK) await this.flush();
    return { id, path };
  }

  async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.tx.insert(orgNodes).values(rows);
    this.written += rows.length;
  }

  /** Flushes and moves the id sequence past the ids we assigned. */
  async close(): Promise<void> {
    await this.flush();
    await this.tx.execute(
      sql`select setval(pg_get_serial_sequence('org_nodes', 'id'), greatest(${this.nextId - 1}, 1))`,
    );
  }
}
