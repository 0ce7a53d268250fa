import type { GridProperties } from '../types';

/** What the pointer is over, without opening the drawer. */
export function HoverCard({ grid }: { grid: GridProperties }) {
  return (
    <div className="gh-hover-card" aria-live="polite">
      <strong>{grid.name}</strong>
      <div>{grid.communityName}</div>
      <div>
        户数 {grid.households} · 楼栋 {grid.buildings}
      </div>
      <div>网格员：{grid.gridWorker ?? '未配备'}</div>
    </div>
  );
}
