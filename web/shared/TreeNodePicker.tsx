import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useMe } from '../app/session/SessionContext';
import { apiGet } from './api';

type Level = 'district' | 'street' | 'community' | 'grid' | 'estate' | 'building' | 'house';
interface TreeNode {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

interface Props {
  value?: number;
  onChange?: (v: number) => void;
  id?: string;
  /** Levels the user may pick. */
  selectable: readonly Level[];
  /** The deepest level shown: its nodes have no children to open. */
  leafLevel: Level;
  placeholder: string;
}

const fetchChildren = (id: number) =>
  apiGet<{ data: { id: number; name: string; level: Level }[] }>(`/api/org/nodes/${id}/children?pageSize=200`).then(
    (r) => r.data,
  );

/** Picks a node of the governance tree under the user's scope, loading each level on demand. */
export function TreeNodePicker({ value, onChange, id, selectable, leafLevel, placeholder }: Props) {
  const scope = useMe().scope!;
  const level = scope.level as Level;
  const [nodes, setNodes] = useState<TreeNode[]>([
    {
      id: scope.nodeId,
      pId: 0,
      value: scope.nodeId,
      title: scope.name,
      isLeaf: level === leafLevel,
      selectable: selectable.includes(level),
    },
  ]);
  const load = async (node: { value?: unknown }) => {
    const parent = Number(node.value);
    const children = await fetchChildren(parent);
    setNodes((prev) => [
      ...prev,
      ...children
        .filter((c) => !prev.some((p) => p.id === c.id))
        .map((c) => ({
          id: c.id,
          pId: parent,
          value: c.id,
          title: c.name,
          isLeaf: c.level === leafLevel,
          selectable: selectable.includes(c.level),
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
