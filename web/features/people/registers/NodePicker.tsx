import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { apiGet } from '../../../shared/api';

interface TreeNode {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}
interface OrgNode {
  id: number;
  name: string;
  level: string;
}

const ORDER = ['district', 'street', 'community', 'grid', 'estate', 'building', 'house'];

/**
 * Picks a grid or a house below the user's own scope node, opening one level at a time (a
 * street has thousands of houses). Only nodes of the wanted level can be chosen; `initial`
 * shows an already chosen node by name before its branch is opened.
 */
export function NodePicker({
  level,
  value,
  onChange,
  initial,
  id,
}: {
  level: 'grid' | 'house';
  value?: number;
  onChange?: (id: number) => void;
  initial?: { id: number; name: string };
  id?: string;
}) {
  const me = useMe();
  const scope = me.scope;
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const toNode = (n: OrgNode, parent: number): TreeNode => ({
    id: n.id,
    pId: parent,
    value: n.id,
    title: n.name,
    isLeaf: n.level === level,
    selectable: n.level === level,
  });
  const children = async (parent: number) => {
    const res = await apiGet<{ data: OrgNode[] }>(`/api/org/nodes/${parent}/children?pageSize=200`);
    return res.data.filter((n) => ORDER.indexOf(n.level) <= ORDER.indexOf(level)).map((n) => toNode(n, parent));
  };
  useEffect(() => {
    if (!scope) return;
    // A grid worker scoped to the grid itself picks it (or a house under it) from the start.
    const own: OrgNode = { id: scope.nodeId, name: scope.name, level: scope.level };
    if (own.level === level) setNodes([toNode(own, 0)]);
    else void children(scope.nodeId).then((list) => setNodes(list.map((n) => ({ ...n, pId: 0 }))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope?.nodeId, level]);
  const shown =
    initial && !nodes.some((n) => n.id === initial.id)
      ? [...nodes, { id: initial.id, pId: -1, value: initial.id, title: initial.name, isLeaf: true, selectable: true }]
      : nodes;
  return (
    <TreeSelect<number>
      id={id}
      treeDataSimpleMode
      showSearch={false}
      style={{ width: '100%' }}
      placeholder={level === 'grid' ? '选择网格' : '逐级选择到房屋'}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={shown}
      loadData={async (node) => {
        const parent = Number(node.value);
        if (nodes.some((n) => n.pId === parent)) return;
        const list = await children(parent);
        setNodes((prev) => [...prev, ...list.filter((n) => !prev.some((p) => p.id === n.id))]);
      }}
    />
  );
}
