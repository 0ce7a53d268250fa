import { pg } from '../db/pg-types.ts';
import { LIVE_CHANNEL } from './events.ts';

export interface LiveListener {
  close(): void;
}

/**
 * One dedicated connection per instance, outside the pool (a pooled client would be lent to
 * queries and LISTEN would follow it), LISTENing on the live channel. `onNotify` runs for every
 * notification and after every (re)connection, since notifications sent while we were away are
 * lost. A lost connection is re-opened with exponential backoff (0.5 s doubling to 30 s).
 */
export function startLiveListener(
  config: pg.ClientConfig,
  onNotify: () => void,
  onError: (context: string, error: unknown) => void,
): LiveListener {
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | null = null;

  const retry = (): void => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client(config);
    client = c;
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      if (!closed) onError('实时事件监听连接中断', error);
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (client === c) client = null;
      retry();
    };
    c.on('error', fail);
    c.on('end', () => fail(new Error('连接已关闭')));
    c.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL) onNotify();
    });
    try {
      await c.connect();
      await c.query(`listen ${LIVE_CHANNEL}`);
      if (closed) {
        void c.end().catch(() => undefined);
        return;
      }
      retryMs = 500;
      onNotify();
    } catch (error) {
      fail(error);
    }
  }

  void connect();
  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      void client?.end().catch(() => undefined);
      client = null;
    },
  };
}
