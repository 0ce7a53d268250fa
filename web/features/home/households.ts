import type { GridFeature } from '../grid-map/types';

export interface Bar {
  name: string;
  households: number;
}

/**
 * Households per grid within one community, per community above that, largest first:
 * the figures come from the grid layer itself, so the chart never shows invented numbers.
 */
export function householdBars(features: GridFeature[]): { title: string; bars: Bar[] } {
  const communities = new Set(features.map((f) => f.properties.communityId));
  if (communities.size <= 1) {
    const bars = features.map((f) => ({ name: f.properties.name, households: f.properties.households ?? 0 }));
    return { title: '各网格户数', bars: bars.sort((a, b) => b.households - a.households) };
  }
  const sums = new Map<number, Bar>();
  for (const f of features) {
    const bar = sums.get(f.properties.communityId) ?? { name: f.properties.communityName, households: 0 };
    bar.households += f.properties.households ?? 0;
    sums.set(f.properties.communityId, bar);
  }
  return { title: '各社区户数', bars: [...sums.values()].sort((a, b) => b.households - a.households) };
}
