import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { LEVEL_LABELS, type NodeLevel } from '../../../shared/org-levels';
import { fetchChildren } from '../api';

interface TreeNode {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}
/** Meetings concern a community, a grid or an estate: browse down to estates, no further. */
const MEETING_LEVELS = ['community', 'grid', 'estate'];

interface Props {
  value?: number;
  onChange?: (v: number) => void;
  id?: string;
  /** Levels that may be chosen, top to bottom; the tree is browsed down to the last. Default: meetings' levels. */
  levels?: string[];
  placeholder?: string;
}

/** Picks a node under the user's scope, loading the tree level by level. */
export function NodePicker({
  value,
  onChange,
  id,
  levels = MEETING_LEVELS,
  placeholder = '选择社区、网格或小区',
}: Props) {
  const me = useMe();
  const scope = me.scope!;
  const PICKABLE = new Set(levels);
  const LAST = levels[levels.length - 1];
  const [nodes, setNodes] = useState<TreeNode[]>([
    {
      id: scope.nodeId,
      pId: 0,
      value: scope.nodeId,
      title: `${scope.name}（${LEVEL_LABELS[scope.level]}）`,
      isLeaf: scope.level === LAST,
      selectable: PICKABLE.has(scope.level),
    },
  ]);
  const load = async (dataNode: { value?: unknown }) => {
    const parent = Number(dataNode.value);
    const children = await fetchChildren(parent);
    setNodes((prev) => [
      ...prev,
      ...children
        .filter((c) => !prev.some((p) => p.id === c.id))
        .map((c) => ({
          id: c.id,
          pId: parent,
          value: c.id,
          title: `${c.name}（${LEVEL_LABELS[c.level as NodeLevel] ?? c.level}）`,
          isLeaf: c.level === LAST,
          selectable: PICKABLE.has(c.level),
        })),
    ]);
  };
  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={nodes}
      loadData={load}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}
