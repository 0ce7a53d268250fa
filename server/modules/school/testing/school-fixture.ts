import type { CourseBody } from '../../../../contracts/school.ts';
import { loginAs, type Session, type TestContext } from '../../../test/test-app.ts';

/** A course with one document, one video, one quiz lesson and a two-question exam. */
export function courseInput(nodeId: number, over: Partial<CourseBody> = {}): CourseBody {
  return {
    nodeId,
    title: '学习党章',
    summary: '党章学习专题',
    audiences: ['member', 'cadre'],
    passMark: 60,
    maxAttempts: 2,
    published: true,
    lessons: [
      { title: '党章总纲', kind: 'document', body: '中国共产党是中国工人阶级的先锋队……', minutes: 10 },
      { title: '专家解读', kind: 'video', videoUrl: 'https://example.org/v.mp4', minutes: 5 },
      {
        title: '随堂测验',
        kind: 'quiz',
        questions: [{ kind: 'single', prompt: '党的最高理想是？', options: ['共产主义', '小康'], answer: [0] }],
      },
    ],
    exam: [
      { kind: 'single', prompt: '党员的首要义务？', options: ['学习', '缴费', '旅游'], answer: [0] },
      { kind: 'multiple', prompt: '党员的权利包括？', options: ['表决权', '选举权', '特权'], answer: [0, 1] },
    ],
    ...over,
  };
}

export function schoolCalls(ctx: TestContext) {
  const sessions = new Map<string, Session>();
  const session = async (who: string) => sessions.get(who) ?? sessions.set(who, await loginAs(ctx.app, who)).get(who)!;
  return async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: (await session(who)).headers, ...(payload ? { payload } : {}) });
}
