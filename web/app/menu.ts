import type { AbilityRule, MenuEntry } from './feature';
import type { Me } from './session/types';

/** Whether the user meets a page's ability rule: none, one ability, or any one of a list. */
export function meetsAbility(me: Pick<Me, 'abilities'>, rule: AbilityRule | undefined): boolean {
  if (!rule) return true;
  return typeof rule === 'string' ? me.abilities.includes(rule) : rule.some((a) => me.abilities.includes(a));
}

/** Menu items the user may see: the server's abilities decide, the web app only follows. */
export function visibleMenu(entries: MenuEntry[], me: Pick<Me, 'abilities'>): MenuEntry[] {
  return entries.filter((entry) => meetsAbility(me, entry.ability));
}

/** The menu key to highlight: the longest menu path that prefixes the current location. */
export function activeMenuKey(entries: MenuEntry[], pathname: string): string | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches =
      entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best?.key;
}
