import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { fetchChildren } from '../api';

interface TreeNode { id: number; pId: number; value: number; title: string; isLeaf: boolean; selectable: boolean }

/** Picks the intake community under the user's scope, loading district → street → community on demand. */
export function CommunityPicker({ value, onChange, id }: { value?: number; onChange?: (v: number) => void; id?: string }) {
  const scope = useMe().scope!;
  const [nodes, setNodes] = useState<TreeNode[]>([
    { id: scope.nodeId, pId: 0, value: scope.nodeId, title: scope.name, isLeaf: scope.level === 'community', selectable: scope.level === 'community' },
  ]);
  const load = async (node: { value?: unknown }) => {
    const parent = Number(node.value);
    const children = await fetchChildren(parent);
    setNodes((prev) => [...prev, ...children.filter((c) => !prev.some((p) => p.id === c.id)).map((c) => ({
      id: c.id, pId: parent, value: c.id, title: c.name, isLeaf: c.level === 'community', selectable: c.level === 'community',
    }))]);
  };
  return <TreeSelect id={id} treeDataSimpleMode treeData={nodes} loadData={load} value={value} onChange={onChange} placeholder="选择受理社区" style={{ width: '100%' }} />;
}
