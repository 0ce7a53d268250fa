import { describe, expect, it } from 'vitest';
import { appendPage, moreKey, nodeKey, pageItems, parseKey, updateChildren } from './tree-data';
import type { ChildrenPage, OrgNode } from './types';

const house = (id: number): OrgNode => ({
  id,
  parentId: 9,
  level: 'house',
  code: `h${id}`,
  name: `${id}室`,
  path: '',
  households: 1,
});
const page = (ids: number[], pageNo: number, total: number): ChildrenPage => ({
  data: ids.map(house),
  page: { page: pageNo, pageSize: 2, total },
});

describe('governance tree paging', () => {
  it('offers "加载更多" while the server has more children', () => {
    const items = pageItems(9, 0, page([1, 2], 1, 5));
    expect(items.map((i) => i.key)).toEqual([nodeKey(1), nodeKey(2), moreKey(9)]);
    expect(items[2]).toMatchObject({ nextPage: 2, isLeaf: true, title: '加载更多（已加载 2 / 共 5）' });
    expect(items[0]).toMatchObject({ isLeaf: true, level: 'house' });
  });

  it('appends the next page in place of the old "more" item and drops it at the end', () => {
    let children = pageItems(9, 0, page([1, 2], 1, 4));
    children = appendPage(children, 9, page([3, 4], 2, 4));
    expect(children.map((i) => i.key)).toEqual([1, 2, 3, 4].map(nodeKey));
  });

  it('stops offering more when a page comes back empty', () => {
    expect(pageItems(9, 2, page([], 2, 5))).toEqual([]);
  });

  it('replaces the children of a deep item and leaves the rest untouched', () => {
    const tree = [
      { key: 'n:1', title: 'a', children: [{ key: 'n:2', title: 'b' }] },
      { key: 'n:3', title: 'c' },
    ];
    const next = updateChildren(tree, 'n:2', () => [{ key: 'n:4', title: 'd' }]);
    expect(next[0]?.children?.[0]?.children).toEqual([{ key: 'n:4', title: 'd' }]);
    expect(next[1]).toBe(tree[1]);
  });

  it('parses keys', () => {
    expect(parseKey('n:12')).toEqual({ kind: 'node', id: 12 });
    expect(parseKey('more:3')).toEqual({ kind: 'more', id: 3 });
    expect(parseKey('x')).toBeNull();
  });
});
