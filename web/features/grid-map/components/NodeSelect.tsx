import { useMemo } from 'react';
import { Select } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { LEVEL_LABELS, NODE_LEVELS } from '../../../shared/org-levels';
import type { MeScope } from '../../../app/session/types';
import { fetchAllChildren } from '../api';

interface Props {
  scope: MeScope;
  /** The node shown now; listed even when it lies deeper than the scope's children. */
  current: { id: number; name: string } | null;
  onChange: (nodeId: number) => void;
}

/** Only streets and districts have map-worthy children; a community's children are its grids. */
const PICKS_CHILDREN = new Set(['district', 'street']);

export function NodeSelect({ scope, current, onChange }: Props) {
  const pickChildren = PICKS_CHILDREN.has(scope.level);
  const children = useAsync(
    (signal) => (pickChildren ? fetchAllChildren(scope.nodeId, signal) : Promise.resolve([])),
    [scope.nodeId, pickChildren],
  );

  const options = useMemo(() => {
    const childLevel = NODE_LEVELS[NODE_LEVELS.indexOf(scope.level) + 1];
    const all = [
      {
        value: scope.nodeId,
        label: pickChildren && childLevel ? `${scope.name}（全部${LEVEL_LABELS[childLevel]}）` : scope.name,
      },
      ...(children.data ?? []).map((c) => ({ value: c.id, label: c.name })),
    ];
    if (current && !all.some((o) => o.value === current.id)) all.push({ value: current.id, label: current.name });
    return all;
  }, [scope, pickChildren, children.data, current]);

  return (
    <Select
      aria-label="选择区域"
      style={{ minWidth: 240 }}
      value={current?.id ?? scope.nodeId}
      options={options}
      loading={children.loading}
      disabled={options.length < 2}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={onChange}
    />
  );
}
