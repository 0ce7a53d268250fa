import { describe, expect, it } from 'vitest';
import { createAlarmBatcher } from './alarm-batcher.ts';
import type { IncomingAlarm, IngestResult } from './commands/ingest-alarm.ts';

const alarm = (code: string): IncomingAlarm => ({ code, msg: { id: code, type: 'smoke', level: 'critical' } });

describe('alarm batcher', () => {
  it('writes what arrives together in one batch, at most maxBatch at a time', async () => {
    const batches: string[][] = [];
    const batcher = createAlarmBatcher(
      async (alarms) => {
        batches.push(alarms.map((a) => a.code));
        return alarms.map((): IngestResult => ({ outcome: 'merged', caseId: 1 }));
      },
      { maxBatch: 3, lingerMs: 5, parallel: 1 },
    );
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((c) => batcher.add(alarm(c))));
    expect(results).toHaveLength(5);
    expect(batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('retries a failed batch alarm by alarm, so only the alarm the database refuses fails', async () => {
    const batcher = createAlarmBatcher(
      async (alarms) => {
        if (alarms.some((a) => a.code === 'bad')) throw new Error('refused');
        return alarms.map((a): IngestResult => ({ outcome: 'case_created', caseId: a.code.length }));
      },
      { maxBatch: 10, lingerMs: 1, parallel: 2 },
    );
    const settled = await Promise.allSettled(['ok1', 'bad', 'ok22'].map((c) => batcher.add(alarm(c))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseFulfilledResult<IngestResult>).value.caseId).toBe(4);
  });

  it('keeps each device in one lane, so batches in flight together never share a device', async () => {
    let inFlight: string[][] = [];
    let overlapped = false;
    let concurrent = 0;
    const batcher = createAlarmBatcher(
      async (alarms) => {
        const codes = alarms.map((a) => a.code);
        if (inFlight.some((other) => other.some((c) => codes.includes(c)))) overlapped = true;
        inFlight.push(codes);
        concurrent = Math.max(concurrent, inFlight.length);
        await new Promise((r) => setTimeout(r, 5));
        inFlight = inFlight.filter((x) => x !== codes);
        return alarms.map((): IngestResult => ({ outcome: 'merged', caseId: 1 }));
      },
      { maxBatch: 4, lingerMs: 1, parallel: 3 },
    );
    const codes = Array.from({ length: 60 }, (_, i) => `SMK-${i % 12}`);
    await Promise.all(codes.map((c) => batcher.add(alarm(c))));
    expect(overlapped).toBe(false);
    expect(concurrent).toBeGreaterThan(1);
  });
});
