import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { LEVEL_LABELS, type NodeLevel } from '../../../shared/org-levels';
import { fetchChildren } from '../api';

interface TreeNode { id: number; pId: number; value: number; title: string; isLeaf: boolean; selectable: boolean }
const PICKABLE = new Set(['community', 'grid', 'estate']);
/** Meetings concern a community, a grid or an estate: browse down to estates, no further. */
const LAST = 'estate';

/** Picks a node under the user's scope, loading the tree level by level. */
export function NodePicker({ value, onChange, id }: { value?: number; onChange?: (v: number) => void; id?: string }) {
  const me = useMe();
  const scope = me.scope!;
  const [nodes, setNodes] = useState<TreeNode[]>([
    { id: scope.nodeId, pId: 0, value: scope.nodeId, title: `${scope.name}（${LEVEL_LABELS[scope.level]}）`, isLeaf: scope.level === LAST, selectable: PICKABLE.has(scope.level) },
  ]);
  const load = async (dataNode: { value?: unknown }) => {
    const parent = Number(dataNode.value);
    const children = await fetchChildren(parent);
    setNodes((prev) => [...prev, ...children.filter((c) => !prev.some((p) => p.id === c.id)).map((c) => ({
      id: c.id, pId: parent, value: c.id, title: `${c.name}（${LEVEL_LABELS[c.level as NodeLevel] ?? c.level}）`, isLeaf: c.level === LAST, selectable: PICKABLE.has(c.level),
    }))]);
  };
  return <TreeSelect id={id} treeDataSimpleMode treeData={nodes} loadData={load} value={value} onChange={onChange} placeholder="选择社区、网格或小区" style={{ width: '100%' }} />;
}
