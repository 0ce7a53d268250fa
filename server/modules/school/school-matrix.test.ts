import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { courseInput, schoolCalls } from './testing/school-fixture.ts';

let ctx: TestContext;
let call: ReturnType<typeof schoolCalls>;
const course: Record<'members' | 'grid' | 'otherStreet' | 'draft', number> = {
  members: 0,
  grid: 0,
  otherStreet: 0,
  draft: 0,
};
let docLesson: number;

beforeAll(async () => {
  ctx = await createTestApp();
  call = schoolCalls(ctx);
  const own = ctx.seed.tree.streets[0]!.communities[0]!.id;
  const other = ctx.seed.tree.streets[1]!.communities[0]!.id;
  const make = async (nodeId: number, over: object) =>
    (await call('admin', 'POST', '/api/school/courses', courseInput(nodeId, over))).json().data.id as number;
  course.members = await make(own, { audiences: ['member', 'cadre'] });
  course.grid = await make(own, { audiences: ['grid'] });
  course.otherStreet = await make(other, { audiences: ['member', 'grid', 'cadre'] });
  course.draft = await make(own, { audiences: ['member', 'grid', 'cadre'], published: false });
  docLesson = (await call('admin', 'GET', `/api/school/courses/${course.members}/edit`)).json().data.lessons[0].id;
});
afterAll(async () => {
  await ctx.close();
});

describe('party school: role × scope × action', () => {
  // [open the members' course, the grid course, the other street's course, the own draft,
  //  record study on the members' course, open its editor, branch figures of the own scope, the catalogue]
  // 404 = not offered to them (audience, area, draft); 403 = visible but the role may not.
  const MATRIX: [string, number[]][] = [
    ['admin', [200, 200, 200, 200, 403, 200, 200, 200]],
    ['street', [200, 200, 404, 200, 403, 200, 200, 200]],
    ['secretary', [200, 200, 404, 200, 200, 200, 200, 200]],
    ['staff', [200, 200, 404, 200, 200, 200, 403, 200]],
    ['gridworker', [404, 200, 404, 404, 404, 404, 403, 200]],
    ['leader', [404, 200, 404, 404, 404, 404, 403, 200]],
    ['member', [200, 404, 404, 404, 200, 403, 403, 200]],
    ['volunteer', [404, 404, 404, 404, 404, 404, 403, 403]],
    ['resident', [404, 404, 404, 404, 404, 404, 403, 403]],
    ['dept', [404, 404, 404, 404, 404, 404, 403, 403]],
    ['property', [404, 404, 404, 404, 404, 404, 403, 403]],
    ['counit', [404, 404, 404, 404, 404, 404, 403, 403]],
  ];
  it.each(MATRIX)('%s', async (who, expected) => {
    const got = [
      (await call(who, 'GET', `/api/school/courses/${course.members}`)).statusCode,
      (await call(who, 'GET', `/api/school/courses/${course.grid}`)).statusCode,
      (await call(who, 'GET', `/api/school/courses/${course.otherStreet}`)).statusCode,
      (await call(who, 'GET', `/api/school/courses/${course.draft}`)).statusCode,
      (
        await call(who, 'POST', `/api/school/courses/${course.members}/lessons/${docLesson}/progress`, {
          seconds: 10,
          progress: 20,
        })
      ).statusCode,
      (await call(who, 'GET', `/api/school/courses/${course.members}/edit`)).statusCode,
      (await call(who, 'GET', '/api/school/stats')).statusCode,
      (await call(who, 'GET', '/api/school/courses')).statusCode,
    ];
    expect(got).toEqual(expected);
  });
});
