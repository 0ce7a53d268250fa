import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { LEVEL_LABELS, type NodeLevel } from '../../../shared/org-levels';
import { fetchChildren } from '../api';
import { mayHoldSelectable, selectableLevel } from '../logic';
import type { Grantable } from '../types';

interface TreeNode {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
  level: string;
}

interface Props {
  grantable: Grantable | null;
  role: string | undefined;
  value?: number;
  onChange?: (value: number) => void;
  /** Shown for the current value before its branch is loaded (editing an existing account). */
  initialLabel?: string;
}

/**
 * The scope picker: the actor's own scope at the root, children loaded lazily from the org API,
 * and only nodes of a level that fits the chosen role selectable.
 */
export function ScopeTreeSelect({ grantable, role, value, onChange, initialLabel }: Props) {
  const root = grantable?.scope;
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const toNode = (n: { id: number; parentId: number | null; level: string; code: string; name: string }): TreeNode => ({
    id: n.id,
    pId: n.parentId,
    value: n.id,
    level: n.level,
    title: `${n.name}（${LEVEL_LABELS[n.level as NodeLevel] ?? n.level} ${n.code}）`,
    isLeaf: !mayHoldSelectable(grantable, role, n.level),
    disabled: !selectableLevel(grantable, role, n.level),
  });
  useEffect(() => {
    if (!root) return;
    setNodes([toNode({ id: root.nodeId, parentId: null, level: root.level, code: '', name: root.name })]);
    // Rebuilt when the role changes: which nodes are selectable depends on it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root?.nodeId, role]);

  async function loadData(node: { value?: unknown }) {
    const id = Number(node.value);
    if (!id || nodes.some((n) => n.pId === id)) return;
    const children = await fetchChildren(id);
    setNodes((prev) => [...prev, ...children.map(toNode)]);
  }

  // The current scope of an edited account, until its branch is opened: listed on its own so the field shows its name.
  const known = nodes.some((n) => n.value === value);
  const treeData =
    !known && value && initialLabel
      ? [
          ...nodes,
          { id: value, pId: null, value, title: `当前：${initialLabel}`, isLeaf: true, disabled: false, level: '' },
        ]
      : nodes;
  return (
    <TreeSelect
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      value={value}
      onChange={(v) => onChange?.(v as number)}
      placeholder={role ? '展开并选择管辖范围' : '请先选择角色'}
      disabled={!role}
      showSearch={false}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
