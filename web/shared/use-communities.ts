import type { Me } from '../app/session/types';
import { apiGet } from './api';
import { useAsync } from './use-async';
import type { z } from 'zod';
import type { orgNodeSchema } from '../../contracts/org.ts';

export interface CommunityOption {
  value: number;
  label: string;
}

/**
 * The communities a staff member works for: their own when scoped to a community, the street's
 * communities for a street account. Higher levels pick a street first elsewhere: empty here.
 */
export function useCommunities(me: Me) {
  const scope = me.scope;
  return useAsync(
    async (signal): Promise<CommunityOption[]> => {
      if (!scope) return [];
      // Listing a street's communities reads the governance tree: a department's handler may not (403).
      if (scope.level !== 'community' && !me.abilities.includes('org.read')) return [];
      if (scope.level === 'community') return [{ value: scope.nodeId, label: scope.name }];
      if (scope.level !== 'street') return [];
      const res = await apiGet<{ data: z.infer<typeof orgNodeSchema>[] }>(
        `/api/org/nodes/${scope.nodeId}/children?pageSize=200`,
        { signal },
      );
      return res.data.filter((n) => n.level === 'community').map((n) => ({ value: n.id, label: n.name }));
    },
    [scope?.nodeId, scope?.level, me.abilities],
  );
}
