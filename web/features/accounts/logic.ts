import type { ApiErrorDetail } from '../../shared/api';
import type { Grantable } from './types';

/** One bad cell of a rejected roster, from the server's detail path "<row>.<column>". */
export interface RosterIssueRow {
  key: string;
  rowNo: number;
  column: string;
  message: string;
}

export function rosterIssues(details: ApiErrorDetail[]): RosterIssueRow[] {
  return details
    .map((d, i) => {
      const dot = d.path.indexOf('.');
      const rowNo = Number(d.path.slice(0, dot));
      return {
        key: `${i}`,
        rowNo: Number.isFinite(rowNo) && dot > 0 ? rowNo : 0,
        column: dot > 0 ? d.path.slice(dot + 1) : d.path,
        message: d.message,
      };
    })
    .sort((a, b) => a.rowNo - b.rowNo);
}

/** The scope levels allowed for the chosen role (empty: no role chosen yet). */
export function levelsFor(grantable: Grantable | null, role: string | undefined): string[] {
  return grantable?.roles.find((r) => r.role === role)?.levels ?? [];
}

/** Whether the tree picker may select a node of `level` for `role`. */
export function selectableLevel(grantable: Grantable | null, role: string | undefined, level: string): boolean {
  return levelsFor(grantable, role).includes(level);
}

/** Tree levels below which nothing selectable for the role can lie (so the picker stops expanding). */
const LEVEL_ORDER = ['district', 'street', 'community', 'grid', 'estate', 'building', 'house'];
export function mayHoldSelectable(grantable: Grantable | null, role: string | undefined, level: string): boolean {
  const deepest = Math.max(...levelsFor(grantable, role).map((l) => LEVEL_ORDER.indexOf(l)), -1);
  return LEVEL_ORDER.indexOf(level) < deepest;
}

/** Departments that serve the chosen street (department handlers only). */
export function departmentsFor(grantable: Grantable | null, scopeNodeId: number | undefined) {
  return (grantable?.departments ?? []).filter((d) => d.servesNodeId === scopeNodeId);
}

/** The server's reason for a refused password (e.g. "密码不能包含用户名或姓名"), else its message. */
export function passwordReason(details: ApiErrorDetail[], field: string, fallback: string): string {
  return details.find((d) => d.path === field)?.message ?? fallback;
}
