import { describe, expect, it } from 'vitest';
import { activeMenuKey, meetsAbility, visibleMenu } from './menu';
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

describe('meetsAbility', () => {
  it('accepts a page open to all, one ability, or any one of a list', () => {
    expect(meetsAbility({ abilities: [] }, undefined)).toBe(true);
    expect(meetsAbility({ abilities: ['org.read'] }, 'org.read')).toBe(true);
    expect(meetsAbility({ abilities: ['cases.read'] }, 'org.read')).toBe(false);
    expect(meetsAbility({ abilities: ['services.book'] }, ['services.handle', 'services.book'])).toBe(true);
    expect(meetsAbility({ abilities: ['cases.handle'] }, ['services.handle', 'services.book'])).toBe(false);
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
