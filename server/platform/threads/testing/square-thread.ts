/** Test entry for run-in-worker.test.ts: squares numbers on its own thread, refuses negative ones. */
import { parentPort, threadId } from 'node:worker_threads';
import { serveOneJob } from '../run-in-worker.ts';

await serveOneJob<number[], { squares: Float64Array; threadId: number }>(parentPort!, async (xs) => {
  if (xs.some((x) => x < 0)) throw new Error(`负数 ${xs.find((x) => x < 0)} 不能求平方`);
  const squares = Float64Array.from(xs, (x) => x * x);
  return { value: { squares, threadId }, transfer: [squares.buffer] };
});
