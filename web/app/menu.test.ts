import { describe, expect, it } from 'vitest';
import { activeMenuKey, visibleMenu } from './menu';
import type { MenuEntry } from './feature';

const entries: MenuEntry[] = [
  { key: 'home', label: '工作台', icon: null, path: '/' },
  { key: 'org', label: '治理体系', icon: null, path: '/org', ability: 'org.read' },
  { key: 'map', label: '网格地图', icon: null, path: '/map', ability: 'org.read' },
  { key: 'cases', label: '事件', icon: null, path: '/cases', ability: 'cases.read' },
];

describe('visibleMenu', () => {
  it('shows entries without an ability to everyone and the rest by ability', () => {
    expect(visibleMenu(entries, { abilities: ['org.read'] }).map((e) => e.key)).toEqual(['home', 'org', 'map']);
    expect(visibleMenu(entries, { abilities: [] }).map((e) => e.key)).toEqual(['home']);
  });
});

describe('activeMenuKey', () => {
  it.each([
    ['/', 'home'],
    ['/map/12', 'map'],
    ['/org', 'org'],
    ['/organisation', undefined],
  ])('%s → %s', (path, key) => expect(activeMenuKey(entries, path)).toBe(key));
});
