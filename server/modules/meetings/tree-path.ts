/**
 * Facts read off a materialised path ('/district/street/community/grid/…/'): the tree always
 * runs district → street → community, so the ids at those depths name a node's street and community.
 */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

export function communityIdOf(path: string): number | null {
  return pathIds(path)[2] ?? null;
}

export function streetIdOf(path: string): number | null {
  return pathIds(path)[1] ?? null;
}

/** The path prefix of the ancestor at `depth` (0 = district), or null when the path is shallower. */
export function ancestorPath(path: string, depth: number): string | null {
  const ids = pathIds(path);
  return ids.length > depth ? `/${ids.slice(0, depth + 1).join('/')}/` : null;
}
