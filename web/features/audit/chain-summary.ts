import type { ChainReportDto } from '../../../contracts/audit.ts';

const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });

/** The one-line verdict the admin page shows. */
export function chainSummary(report: ChainReportDto): string {
  if (report.broken) {
    const where = report.broken.id === null ? `第 ${report.broken.seq} 条起` : `记录 #${report.broken.id}（第 ${report.broken.seq} 条）`;
    return `审计链断裂：首个异常为${where}。${report.broken.message}`;
  }
  const sealed = report.lastSealedAt ? shanghai.format(new Date(report.lastSealedAt)) : '—';
  return `审计链完整（已校验 ${report.checked} 条，最近封存于 ${sealed}）`;
}
