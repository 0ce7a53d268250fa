import os from 'node:os';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runInWorker, siblingEntry } from './run-in-worker.ts';

const entry = siblingEntry(new URL('./testing/x.ts', import.meta.url).href, 'square-thread');

describe('runInWorker', () => {
  it('runs the TypeScript entry on another thread and hands its answer back', async () => {
    const answer = await runInWorker<{ squares: Float64Array; threadId: number }>(entry, [1, 2, 3]);
    expect([...answer.squares]).toEqual([1, 4, 9]);
    expect(answer.threadId).not.toBe(threadId);
  });

  it('lowers the worker thread to the lowest priority and leaves the server at its own', async () => {
    const answer = await runInWorker<{ nice: number }>(entry, [1]);
    expect(answer.nice).toBe(19);
    expect(os.getPriority()).toBe(0);
  });

  it('rejects with the error the entry threw, and the next job still runs', async () => {
    await expect(runInWorker(entry, [2, -5])).rejects.toThrow('负数 -5 不能求平方');
    await expect(runInWorker<{ squares: Float64Array }>(entry, [4])).resolves.toMatchObject({
      squares: Float64Array.from([16]),
    });
  });

  it('rejects when the entry cannot be loaded', async () => {
    await expect(runInWorker(new URL('./testing/missing-thread.ts', import.meta.url), [1])).rejects.toThrow();
  });
});
