import { GridMapSvg } from '../../grid-map/components/GridMapSvg';
import { fetchGrids, fetchOutline } from '../../grid-map/api';
import { useAsync } from '../../../shared/use-async';

/** The grid map of the node looked at, drawn with the grid-map feature's pieces; a click drills into a grid. */
export function BigscreenMap({ nodeId, onGrid }: { nodeId: number; onGrid: (id: number) => void }) {
  const { data } = useAsync(
    async (signal) => {
      const [grids, outline] = await Promise.all([
        fetchGrids(nodeId, signal),
        fetchOutline(nodeId, signal).catch(() => null),
      ]);
      return { grids, outline };
    },
    [nodeId],
  );
  if (!data) return null;
  return <GridMapSvg features={data.grids.features} outline={data.outline} selectedId={null} onSelect={onGrid} />;
}
