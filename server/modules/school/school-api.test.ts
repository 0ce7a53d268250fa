import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { users } from '../accounts/schema.ts';
import { partyPoints, partyMembers } from '../party/schema.ts';
import { courseInput, schoolCalls } from './testing/school-fixture.ts';

let ctx: TestContext;
let call: ReturnType<typeof schoolCalls>;
let courseId: number;
let lessons: { id: number; kind: string; questions: { id: number }[] }[];
let exam: { id: number }[];

beforeAll(async () => {
  ctx = await createTestApp();
  call = schoolCalls(ctx);
  const community = ctx.seed.tree.streets[0]!.communities[0]!;
  const created = await call('secretary', 'POST', '/api/school/courses', courseInput(community.id));
  expect(created.statusCode).toBe(201);
  courseId = created.json().data.id;
  const detail = (await call('member', 'GET', `/api/school/courses/${courseId}`)).json().data;
  lessons = detail.lessonList;
  exam = detail.exam;
});
afterAll(async () => {
  await ctx.close();
});

const memberPoints = async () => {
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'member'));
  const [m] = await ctx.db.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.userId, user!.id));
  return ctx.db
    .select()
    .from(partyPoints)
    .where(and(eq(partyPoints.memberId, m!.id), eq(partyPoints.sourceKind, 'school.passed')));
};

describe('a party member studies a course and passes its exam', () => {
  it('shows the learner the questions but never the answers', async () => {
    const body = (await call('member', 'GET', `/api/school/courses/${courseId}`)).body;
    expect(body).toContain('党员的首要义务');
    expect(body).not.toContain('"answer"');
  });

  it('refuses the exam until every lesson is done', async () => {
    const res = await call('member', 'POST', `/api/school/courses/${courseId}/exam`, { answers: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('学完全部课时');
  });

  it('records reading time and completes a document read to the end', async () => {
    const doc = lessons[0]!;
    const half = await call('member', 'POST', `/api/school/courses/${courseId}/lessons/${doc.id}/progress`, {
      seconds: 60,
      progress: 50,
    });
    expect(half.json().data).toMatchObject({ progress: 50, seconds: 60, completed: false, courseProgress: 0 });
    const end = await call('member', 'POST', `/api/school/courses/${courseId}/lessons/${doc.id}/progress`, {
      seconds: 90,
      progress: 100,
    });
    expect(end.json().data).toMatchObject({ progress: 100, seconds: 150, completed: true, courseProgress: 33 });
    // Progress never goes back.
    const back = await call('member', 'POST', `/api/school/courses/${courseId}/lessons/${doc.id}/progress`, {
      seconds: 0,
      progress: 10,
    });
    expect(back.json().data.progress).toBe(100);
  });

  it('completes a quiz only at the pass mark', async () => {
    const quiz = lessons[2]!;
    const qid = String(quiz.questions[0]!.id);
    const wrong = await call('member', 'POST', `/api/school/courses/${courseId}/lessons/${quiz.id}/quiz`, {
      answers: { [qid]: [1] },
    });
    expect(wrong.json().data).toMatchObject({ score: 0, passed: false, attemptsLeft: null });
    const right = await call('member', 'POST', `/api/school/courses/${courseId}/lessons/${quiz.id}/quiz`, {
      answers: { [qid]: [0] },
    });
    expect(right.json().data).toMatchObject({ score: 100, passed: true, pointsAwarded: 0 });
    await call('member', 'POST', `/api/school/courses/${courseId}/lessons/${lessons[1]!.id}/progress`, {
      seconds: 300,
      progress: 100,
    });
  });

  it('fails, then passes the exam; passing credits the party points once', async () => {
    const [q1, q2] = exam.map((q) => String(q.id));
    const fail = await call('member', 'POST', `/api/school/courses/${courseId}/exam`, {
      answers: { [q1!]: [0], [q2!]: [0] },
    });
    expect(fail.json().data).toMatchObject({ score: 50, passed: false, attemptsLeft: 1, pointsAwarded: 0 });
    expect(await memberPoints()).toHaveLength(0);
    const pass = await call('member', 'POST', `/api/school/courses/${courseId}/exam`, {
      answers: { [q1!]: [0], [q2!]: [1, 0] },
    });
    expect(pass.json().data).toMatchObject({ score: 100, passed: true, attemptsLeft: 0, pointsAwarded: 2 });
    expect(await memberPoints()).toMatchObject([{ points: 2, sourceId: String(courseId) }]);
    const again = await call('member', 'POST', `/api/school/courses/${courseId}/exam`, { answers: {} });
    expect(again.statusCode).toBe(409);
  });

  it("lists the learner's records and the course's state in the catalogue", async () => {
    const records = (await call('member', 'GET', '/api/school/me/records')).json().data;
    expect(records).toMatchObject([{ courseId, progress: 100, bestScore: 100, attempts: 2, minutes: 8 }]);
    expect(records[0].passedAt).not.toBeNull();
    const list = (await call('member', 'GET', '/api/school/courses')).json().data;
    expect(list.find((c: { id: number }) => c.id === courseId).mine).toEqual({
      progress: 100,
      completed: true,
      passed: true,
    });
  });

  it("counts the member in their branch's figures", async () => {
    const stats = (await call('secretary', 'GET', `/api/school/stats?courseId=${courseId}`)).json().data;
    const total = stats.reduce(
      (s: Record<string, number>, b: Record<string, number>) => ({
        started: s.started! + b.started!,
        passed: s.passed! + b.passed!,
        examined: s.examined! + b.examined!,
      }),
      { started: 0, passed: 0, examined: 0 },
    );
    expect(total).toEqual({ started: 1, passed: 1, examined: 1 });
    const branch = stats.find((b: { started: number }) => b.started === 1);
    expect(branch).toMatchObject({ completed: 1, passRate: 100 });
    expect(branch.members).toBeGreaterThanOrEqual(1);
  });
});

describe('course editing', () => {
  it('rejects bad input with the field path and a Chinese message, writing nothing', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    const bad = courseInput(community.id, {
      title: '坏课程',
      exam: [{ kind: 'single', prompt: '单选两个答案？', options: ['甲', '乙'], answer: [0, 1] }],
    });
    const res = await call('secretary', 'POST', '/api/school/courses', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'exam.0.answer', message: '单选题只有一个正确答案' })]),
    );
    const list = (await call('secretary', 'GET', '/api/school/courses')).json().data;
    expect(list.map((c: { title: string }) => c.title)).not.toContain('坏课程');
  });

  it('keeps learners progress on lessons kept by id, and hides a draft from learners', async () => {
    const edit = (await call('secretary', 'GET', `/api/school/courses/${courseId}/edit`)).json().data;
    expect(edit.exam[0].answer).toEqual([0]);
    const body = {
      ...edit,
      published: false,
      lessons: edit.lessons.map(({ hasVideoFile: _, ...l }: { hasVideoFile: boolean }) => l),
    };
    delete body.id;
    const saved = await call('secretary', 'PUT', `/api/school/courses/${courseId}`, body);
    expect(saved.statusCode).toBe(200);
    expect((await call('member', 'GET', `/api/school/courses/${courseId}`)).statusCode).toBe(404);
    const republished = await call('secretary', 'PUT', `/api/school/courses/${courseId}`, { ...body, published: true });
    expect(republished.statusCode).toBe(200);
    const detail = (await call('member', 'GET', `/api/school/courses/${courseId}`)).json().data;
    expect(detail.lessonList[0]).toMatchObject({ completed: true, progress: 100 });
  });

  it('stores a lesson video in the file store and streams it to learners', async () => {
    const video = lessons[1]!;
    const boundary = '----school';
    const bytes = Buffer.from('not really an mp4 but bytes all the same');
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const { loginAs } = await import('../../test/test-app.ts');
    const staff = await loginAs(ctx.app, 'staff');
    const up = await ctx.app.inject({
      method: 'POST',
      url: `/api/school/courses/${courseId}/lessons/${video.id}/video`,
      headers: { ...staff.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json().data.bytes).toBe(bytes.length);
    const got = await call('member', 'GET', `/api/school/courses/${courseId}/lessons/${video.id}/video`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('video/mp4');
    expect(got.rawPayload.equals(bytes)).toBe(true);
  });
});
