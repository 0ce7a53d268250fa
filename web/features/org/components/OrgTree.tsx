import { useCallback, useState } from 'react';
import { App, Spin, Tag, Tree } from 'antd';
import { errorMessage } from '../../../shared/api';
import { LEVEL_LABELS } from '../../../shared/org-levels';
import { fetchChildren } from '../api';
import {
  appendPage,
  moreKey,
  nodeKey,
  pageItems,
  parseKey,
  toTreeItem,
  updateChildren,
  type OrgTreeItem,
} from '../tree-data';
import type { OrgNode } from '../types';

interface Props {
  root: Pick<OrgNode, 'id' | 'name' | 'level'>;
  selectedId: number;
  onSelect: (id: number) => void;
}

/** Lazily loaded governance tree: children are fetched page by page as the user expands. */
export function OrgTree({ root, selectedId, onSelect }: Props) {
  const { message } = App.useApp();
  const [tree, setTree] = useState<OrgTreeItem[]>(() => [toTreeItem(root)]);
  const [loadingMore, setLoadingMore] = useState<ReadonlySet<string>>(new Set());

  const loadFirstPage = useCallback(
    async (key: string, parentId: number) => {
      try {
        const res = await fetchChildren(parentId, 1);
        setTree((t) => updateChildren(t, key, () => pageItems(parentId, 0, res)));
      } catch (err) {
        message.error(errorMessage(err));
        // A retry item instead of a rejected promise: rc-tree would silently re-request in a loop.
        setTree((t) => updateChildren(t, key, () => [retryItem(parentId)]));
      }
    },
    [message],
  );

  const loadMore = useCallback(
    async (item: OrgTreeItem, parentId: number) => {
      if (loadingMore.has(item.key)) return;
      setLoadingMore((s) => new Set(s).add(item.key));
      try {
        const res = await fetchChildren(parentId, item.nextPage ?? 1);
        setTree((t) => updateChildren(t, nodeKey(parentId), (existing) => appendPage(existing, parentId, res)));
      } catch (err) {
        message.error(errorMessage(err));
      } finally {
        setLoadingMore((s) => {
          const next = new Set(s);
          next.delete(item.key);
          return next;
        });
      }
    },
    [loadingMore, message],
  );

  return (
    <Tree<OrgTreeItem>
      treeData={tree}
      height={640}
      blockNode
      defaultExpandedKeys={[nodeKey(root.id)]}
      selectedKeys={[nodeKey(selectedId)]}
      loadData={async (node) => {
        const parsed = parseKey(String(node.key));
        if (parsed?.kind === 'node') await loadFirstPage(String(node.key), parsed.id);
      }}
      onSelect={(_keys, { node }) => {
        const parsed = parseKey(String(node.key));
        if (parsed?.kind === 'node') onSelect(parsed.id);
        else if (parsed?.kind === 'more') void loadMore(node, parsed.id);
      }}
      titleRender={(item) =>
        item.level ? (
          <span>
            <Tag style={{ marginInlineEnd: 6 }}>{LEVEL_LABELS[item.level]}</Tag>
            {item.title}
          </span>
        ) : (
          <span style={{ color: '#1677ff' }}>
            {loadingMore.has(item.key) ? <Spin size="small" /> : null} {item.title}
          </span>
        )
      }
    />
  );
}

function retryItem(parentId: number): OrgTreeItem {
  return { key: moreKey(parentId), title: '加载失败，点击重试', nextPage: 1, isLeaf: true };
}
