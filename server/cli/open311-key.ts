import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { createKeyBody } from '../../contracts/open311.ts';
import { createKey } from '../modules/open311/commands/create-key.ts';
import { orgNodes } from '../modules/org/schema.ts';
import type { CliCommand } from './command.ts';

/**
 * `open311-key create <client-name> [--community <12-digit code>] [--rate <per minute>]`:
 * prints the new key alone on stdout (so `KEY=$(npm run -s cli -- open311-key create x)` works),
 * details on stderr. Without --community the first community of the district takes the intake.
 */
export const open311KeyCommand: CliCommand = {
  usage: 'create <客户端名称> [--community <社区 12 位代码>] [--rate <每分钟请求数>]',
  async run({ db }, args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { community: { type: 'string' }, rate: { type: 'string' } },
    });
    const [verb, clientName] = positionals;
    if (verb !== 'create' || !clientName) {
      console.error(`用法：npm run cli -- open311-key ${this.usage}`);
      return 2;
    }
    const [community] = values.community
      ? await db.select().from(orgNodes).where(eq(orgNodes.code, values.community))
      : await db.select().from(orgNodes).where(eq(orgNodes.level, 'community')).orderBy(asc(orgNodes.code)).limit(1);
    if (!community || community.level !== 'community') {
      console.error(values.community ? `社区 ${values.community} 不存在` : '数据库中还没有社区');
      return 1;
    }
    const input = createKeyBody.safeParse({
      clientName,
      communityId: community.id,
      ...(values.rate ? { ratePerMinute: Number(values.rate) } : {}),
    });
    if (!input.success) {
      console.error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      return 1;
    }
    const created = await createKey(db, null, input.data);
    console.error(
      `已为 ${clientName} 签发 Open311 密钥（编号 ${created.row.id}），受理社区：${created.community.name}。密钥只显示这一次：`,
    );
    console.log(created.key);
    return 0;
  },
};
