/** Test entry for run-in-worker.test.ts: squares numbers on its own low-priority thread, refuses negative ones. */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, threadId } from 'node:worker_threads';
import { lowerThisThreadPriority, serveOneJob } from '../run-in-worker.ts';

lowerThisThreadPriority();
const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());

await serveOneJob<number[], { squares: Float64Array; threadId: number; nice: number }>(parentPort!, async (xs) => {
  if (xs.some((x) => x < 0)) throw new Error(`负数 ${xs.find((x) => x < 0)} 不能求平方`);
  const squares = Float64Array.from(xs, (x) => x * x);
  return { value: { squares, threadId, nice: os.getPriority(tid) }, transfer: [squares.buffer] };
});
