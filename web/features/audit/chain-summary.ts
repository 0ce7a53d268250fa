import type { ChainReportDto } from '../../../contracts/audit.ts';
import { formatTime } from '../../shared/time';

/** The one-line verdict the admin page shows. */
export function chainSummary(report: ChainReportDto): string {
  if (report.broken) {
    const where =
      report.broken.id === null
        ? `第 ${report.broken.seq} 条起`
        : `记录 #${report.broken.id}（第 ${report.broken.seq} 条）`;
    return `审计链断裂：首个异常为${where}。${report.broken.message}`;
  }
  const sealed = report.lastSealedAt ? formatTime(report.lastSealedAt, 'YYYY/M/D HH:mm:ss') : '—';
  return `审计链完整（已校验 ${report.checked} 条，最近封存于 ${sealed}）`;
}
