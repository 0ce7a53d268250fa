/**
 * Pure helpers for the lazily loaded governance tree. Keys encode what a tree item is:
 * `n:<id>` a node, `more:<parentId>` the "加载更多" item that fetches the parent's next page.
 */
import type { NodeLevel } from '../../shared/org-levels';
import type { ChildrenPage, OrgNode } from './types';

export interface OrgTreeItem {
  key: string;
  title: string;
  level?: NodeLevel;
  nodeId?: number;
  /** For a "more" item: the page to fetch next. */
  nextPage?: number;
  isLeaf?: boolean;
  children?: OrgTreeItem[];
}

export const nodeKey = (id: number) => `n:${id}`;
export const moreKey = (parentId: number) => `more:${parentId}`;

export function parseKey(key: string): { kind: 'node' | 'more'; id: number } | null {
  const match = /^(n|more):(\d+)$/.exec(key);
  if (!match) return null;
  return { kind: match[1] === 'n' ? 'node' : 'more', id: Number(match[2]) };
}

export function toTreeItem(node: Pick<OrgNode, 'id' | 'name' | 'level'>): OrgTreeItem {
  // Houses are the bottom of the tree: no expand arrow, no pointless request.
  return {
    key: nodeKey(node.id),
    title: node.name,
    level: node.level,
    nodeId: node.id,
    isLeaf: node.level === 'house',
  };
}

/** The children of a page, plus a "加载更多" item while the server has more. */
export function pageItems(parentId: number, loadedBefore: number, res: ChildrenPage): OrgTreeItem[] {
  const items = res.data.map(toTreeItem);
  const loaded = loadedBefore + res.data.length;
  // An empty page means the total changed under us: stop offering more rather than loop.
  if (loaded < res.page.total && res.data.length > 0) {
    items.push({
      key: moreKey(parentId),
      title: `加载更多（已加载 ${loaded} / 共 ${res.page.total}）`,
      nextPage: res.page.page + 1,
      isLeaf: true,
    });
  }
  return items;
}

/** Returns a new tree where `update` replaced the children of the item with `key`. */
export function updateChildren(
  tree: OrgTreeItem[],
  key: string,
  update: (children: OrgTreeItem[] | undefined) => OrgTreeItem[],
): OrgTreeItem[] {
  return tree.map((item) => {
    if (item.key === key) return { ...item, children: update(item.children) };
    if (item.children) return { ...item, children: updateChildren(item.children, key, update) };
    return item;
  });
}

/** Appends a further page: drops the old "more" item, keeps what was already loaded. */
export function appendPage(existing: OrgTreeItem[] | undefined, parentId: number, res: ChildrenPage): OrgTreeItem[] {
  const kept = (existing ?? []).filter((c) => c.key !== moreKey(parentId));
  const known = new Set(kept.map((c) => c.key));
  const fresh = pageItems(parentId, kept.length, res).filter((c) => !known.has(c.key));
  return [...kept, ...fresh];
}
