import type { MenuEntry } from './feature';
import type { Me } from './session/types';

/** Menu items the user may see: the server's abilities decide, the web app only follows. */
export function visibleMenu(entries: MenuEntry[], me: Pick<Me, 'abilities'>): MenuEntry[] {
  return entries.filter((entry) => !entry.ability || me.abilities.includes(entry.ability));
}

/** The menu key to highlight: the longest menu path that prefixes the current location. */
export function activeMenuKey(entries: MenuEntry[], pathname: string): string | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches = entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best?.key;
}
