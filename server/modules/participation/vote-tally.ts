import type { VoteResults } from '../../../contracts/participation.ts';

interface Project {
  id: number;
  title: string;
  budgetYuan: number;
  description: string;
}

/**
 * Ranks projects by votes (competition ranking: tied projects share a rank, the next rank skips) and
 * funds them in rank order while the round's money lasts. A group of tied projects is funded
 * together or not at all: when the money covers only some of them, none is funded and every one is
 * marked `tieAtCutoff`, because choosing among equals is the community's decision, not the order
 * of ids. Funding stops at the first group that does not fit, so a cheaper lower-ranked project
 * never jumps a more popular one.
 */
export function tallyRound(
  projects: Project[],
  votes: Map<number, number>,
  budgetCapYuan: number,
  voters: number,
): VoteResults {
  const sorted = projects
    .map((p) => ({ ...p, votes: votes.get(p.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.id - b.id);
  const groups: (typeof sorted)[] = [];
  for (const p of sorted) {
    const last = groups.at(-1);
    if (last && last[0]!.votes === p.votes) last.push(p);
    else groups.push([p]);
  }
  let left = budgetCapYuan;
  let stopped = false;
  let rank = 1;
  const out: VoteResults['projects'] = [];
  for (const group of groups) {
    const cost = group.reduce((sum, p) => sum + p.budgetYuan, 0);
    // Projects nobody backed are never funded.
    const fits = !stopped && group[0]!.votes > 0 && cost <= left;
    const straddles =
      !stopped && !fits && group.length > 1 && group[0]!.votes > 0 && group.some((p) => p.budgetYuan <= left);
    if (fits) left -= cost;
    else stopped = true;
    for (const p of group) out.push({ ...p, rank, tied: group.length > 1, funded: fits, tieAtCutoff: straddles });
    rank += group.length;
  }
  return { voters, projects: out };
}
