import type { TestContext, Session } from '../../../test/test-app.ts';

const HOUR = 3_600_000;

/** An open window: opened an hour ago, closes in a week (Asia/Shanghai offsets, as the web sends). */
export function openWindow(now = Date.now()) {
  return { opensAt: shanghaiIso(now - HOUR), closesAt: shanghaiIso(now + 7 * 24 * HOUR) };
}

export function shanghaiIso(ms: number): string {
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

export const consultationInput = (communityId: number) => ({
  communityId,
  title: '加装电梯方案征求意见',
  body: '拟在 3 号楼加装电梯，请提出意见。',
  ...openWindow(),
});

export const surveyInput = (communityId: number) => ({
  communityId,
  title: '社区服务需求调查',
  questions: [
    { kind: 'single', title: '是否满意', options: ['满意', '不满意'] },
    { kind: 'multiple', title: '希望增加', options: ['食堂', '托育', '维修'] },
    { kind: 'text', title: '其他建议', required: false },
  ],
  ...openWindow(),
});

export const voteRoundInput = (communityId: number, projects = 3, k = 2) => ({
  communityId,
  title: '微项目投票',
  votesPerResident: k,
  budgetCapYuan: 100_000,
  projects: Array.from({ length: projects }, (_, i) => ({
    title: `候选项目${i + 1}`,
    budgetYuan: 30_000,
    description: `项目说明${i + 1}`,
  })),
  ...openWindow(),
});

/** Creates an item through the API as `session` and returns its id (throws on anything but 201). */
export async function createVia(ctx: TestContext, session: Session, url: string, payload: object): Promise<number> {
  const res = await ctx.app.inject({ method: 'POST', url, headers: session.headers, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().data.id as number;
}

/** A house of the community at `communityPath` (for sign-ups). */
export async function houseIn(ctx: TestContext, communityPath: string): Promise<number> {
  const r = await ctx.pool.query(
    `select id from org_nodes where level = 'house' and path like $1 order by id limit 1`,
    [`${communityPath}%`],
  );
  return Number(r.rows[0].id);
}

/** A multipart body with one file (app.inject has no form-data helper). */
export function multipartFile(fileName: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----participation${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
