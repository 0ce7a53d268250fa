import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useMe } from '../app/session/SessionContext';
import { apiGet } from './api';
import { LEVEL_LABELS, type NodeLevel } from './org-levels';

interface TreeNode {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

export interface TreeNodePickerProps {
  value?: number;
  onChange?: (v: number) => void;
  id?: string;
  /** Levels that may be chosen, top to bottom; the tree is browsed down to the last of them. */
  levels: readonly string[];
  placeholder: string;
}

const fetchChildren = (id: number) =>
  apiGet<{ data: { id: number; name: string; level: string }[] }>(`/api/org/nodes/${id}/children?pageSize=200`).then(
    (r) => r.data,
  );

const titleOf = (name: string, level: string) => `${name}（${LEVEL_LABELS[level as NodeLevel] ?? level}）`;

/** Picks a node of the governance tree under the user's scope, loading it level by level. */
export function TreeNodePicker({ value, onChange, id, levels, placeholder }: TreeNodePickerProps) {
  const scope = useMe().scope!;
  const pickable = new Set(levels);
  const last = levels[levels.length - 1];
  const [nodes, setNodes] = useState<TreeNode[]>([
    {
      id: scope.nodeId,
      pId: 0,
      value: scope.nodeId,
      title: titleOf(scope.name, scope.level),
      isLeaf: scope.level === last,
      selectable: pickable.has(scope.level),
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
          title: titleOf(c.name, c.level),
          isLeaf: c.level === last,
          selectable: pickable.has(c.level),
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
