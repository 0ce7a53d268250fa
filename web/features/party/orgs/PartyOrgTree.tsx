import { App, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useRef, useState } from 'react';
import { PARTY_ORG_KIND_LABELS } from '../../../../contracts/party-org-labels.ts';
import { errorMessage } from '../../../shared/api';
import { fetchOrgLevel, type PartyOrg } from '../org-api';

interface OrgTreeNode extends DataNode {
  key: string;
  org: PartyOrg;
  children?: OrgTreeNode[];
}

const toNode = (org: PartyOrg): OrgTreeNode => ({
  key: String(org.id),
  org,
  isLeaf: org.childCount === 0 ? true : undefined,
  title: org.name,
});

function replaceChildren(list: OrgTreeNode[], key: string, children: OrgTreeNode[]): OrgTreeNode[] {
  return list.map((n) =>
    n.key === key
      ? { ...n, children, isLeaf: children.length === 0 }
      : n.children
        ? { ...n, children: replaceChildren(n.children, key, children) }
        : n,
  );
}

/** `version` changes after an edit: the open levels are read again, and `reveal` (a new organisation's parent) is opened. */
interface Props {
  selectedId: number | null;
  onSelect: (org: PartyOrg) => void;
  showRetired: boolean;
  version: number;
  reveal: number | null;
}

/** The party organisation tree, one level fetched per expansion (a district holds thousands of organisations). */
export function PartyOrgTree({ selectedId, onSelect, showRetired, version, reveal }: Props) {
  const { message } = App.useApp();
  const [nodes, setNodes] = useState<OrgTreeNode[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const expandedRef = useRef<string[]>([]);
  expandedRef.current = expanded;
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const top = await fetchOrgLevel(null, showRetired, signal);
      let list = top.map(toNode);
      // A community secretary has one top organisation: open it, and select it when nothing is.
      const keys = expandedRef.current.length ? [...expandedRef.current] : top.length === 1 ? [String(top[0]!.id)] : [];
      if (!expandedRef.current.length && top.length === 1 && selectedId === null) onSelect(top[0]!);
      if (reveal !== null && !keys.includes(String(reveal))) keys.push(String(reveal));
      // After a change, the open levels are read again (parents first, as they were opened); a level
      // opened while this ran is read too, so the replaced tree never drops what the user just opened.
      const done = new Set<string>();
      for (let pending = keys; pending.length; pending = expandedRef.current.filter((k) => !done.has(k))) {
        for (const key of pending) {
          done.add(key);
          list = replaceChildren(list, key, (await fetchOrgLevel(Number(key), showRetired, signal)).map(toNode));
        }
      }
      if (signal.aborted) return;
      setNodes(list);
      setExpanded((current) => [...new Set([...current, ...done])]);
    })().catch((e: unknown) => {
      if (!signal.aborted) message.error(errorMessage(e));
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloaded when the filter or the version changes
  }, [showRetired, version]);
  return (
    <Tree<OrgTreeNode>
      blockNode
      treeData={nodes}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selectedId ? [String(selectedId)] : []}
      loadData={async (node) => {
        try {
          const children = await fetchOrgLevel(node.org.id, showRetired);
          setNodes((list) => replaceChildren(list, node.key, children.map(toNode)));
        } catch (e) {
          message.error(errorMessage(e));
          setNodes((list) => replaceChildren(list, node.key, []));
        }
      }}
      onSelect={(_keys, { node }) => onSelect(node.org)}
      titleRender={(node) => (
        <span data-testid={`party-org-${node.org.id}`} style={node.org.retiredAt ? { color: '#999' } : undefined}>
          <Tag color={node.org.kind === 'grid_branch' ? 'red' : undefined} style={{ marginInlineEnd: 6 }}>
            {PARTY_ORG_KIND_LABELS[node.org.kind]}
          </Tag>
          {node.org.name}
          {node.org.retiredAt ? (
            <Tag style={{ marginInlineStart: 6 }}>已撤销</Tag>
          ) : node.org.memberCount ? (
            <span style={{ color: '#999' }}>（{node.org.memberCount} 名党员）</span>
          ) : null}
        </span>
      )}
    />
  );
}
