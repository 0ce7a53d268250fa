import type { Role } from '../../../contracts/roles.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Session, TestContext } from '../../test/test-app.ts';

export async function call(
  ctx: TestContext,
  s: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as any) : null, raw: res };
}

let passwordHash: string | null = null;
let seq = 0;
/** An account written straight into the database (the thing under test is what others do to it). */
export async function insertAccount(
  ctx: TestContext,
  role: Role,
  scopeNodeId: number,
  options: { disabled?: boolean; departmentId?: number | null; password?: string } = {},
) {
  passwordHash ??= await hashPassword('fixture-pass-2026');
  const hash = options.password ? await hashPassword(options.password) : passwordHash;
  const username = `fx${Date.now().toString(36)}${seq++}`;
  const { rows } = await ctx.pool.query(
    `insert into users (username, display_name, password_hash, role, scope_node_id, department_id, disabled_at) values ($1, '测试账号', $2, $3, $4, $5, $6) returning id`,
    [username, hash, role, scopeNodeId, options.departmentId ?? null, options.disabled ? new Date() : null],
  );
  return { id: rows[0].id as number, username };
}

export async function userCount(ctx: TestContext): Promise<number> {
  return Number((await ctx.pool.query('select count(*) from users')).rows[0].count);
}

/** A CSV roster built from rows of the template's columns. */
export function rosterCsv(rows: string[][]): string {
  const header = '用户名,姓名,手机号,身份证号,角色,管辖范围编码,部门编码';
  return [header, ...rows.map((r) => r.join(','))].join('\n');
}

export async function uploadRoster(ctx: TestContext, s: Session, body: string, filename = 'roster.csv') {
  const boundary = '----gridhive-test';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${body}\r\n--${boundary}--\r\n`;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/accounts/roster',
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as any };
}
