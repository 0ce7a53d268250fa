import type { ReactNode } from 'react';

/**
 * The ability a page needs, as /api/me returns them: none (everyone), one, or a list of which
 * any one will do (a page several roles reach for different reasons).
 */
export type AbilityRule = string | readonly string[];

/** One entry of the side menu; shown only when the user meets `ability` (see AbilityRule). */
export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  path: string;
  ability?: AbilityRule;
}

/** A page under the signed-in shell. `ability` guards direct URL access, like the menu. */
export interface FeatureRoute {
  path: string;
  element: ReactNode;
  ability?: AbilityRule;
  /** Drawn without the menu and header (the big screen fills a 1920×1080 display on its own). */
  fullscreen?: boolean;
}

/**
 * What a feature folder contributes to the app. A new feature writes its own
 * `features/<name>/index.tsx` and adds one line to `app/features.ts`.
 */
export interface FeatureModule {
  menu: MenuEntry[];
  routes: FeatureRoute[];
  /** Small always-present widgets in the header (e.g. the notification bell), left of the user name. */
  headerWidgets?: ReactNode[];
}
