import { verifyAuditChain } from '../platform/audit-chain/index.ts';
import type { CliCommand } from './command.ts';

/**
 * `audit-verify`: seals what is committed, recomputes every row's hash, prints the result and the
 * chain head (note it somewhere outside the database: only that shows a cut-off tail later).
 * Exit code 0 when intact, 1 when broken.
 */
export const auditVerifyCommand: CliCommand = {
  usage: '（封存已提交的审计记录并校验整条哈希链；链断裂时退出码为 1）',
  async run({ db }) {
    const report = await verifyAuditChain(db);
    const head = report.head ? `链头：第 ${report.head.seq} 条 ${report.head.hash}` : '链头：尚无封存记录';
    if (report.broken) {
      console.error(`审计链断裂：${report.broken.message}`);
      console.error(
        `  首个异常：id=${report.broken.id ?? '—'} seq=${report.broken.seq} (${report.broken.problem})；此前 ${report.checked} 条完好`,
      );
      console.error(`  ${head}`);
      return 1;
    }
    console.log(
      `审计链完整（已校验 ${report.checked} 条，最近封存于 ${report.lastSealedAt ?? '—'}；待封存 ${report.unsealed} 条）`,
    );
    console.log(head);
    return 0;
  },
};
