/**
 * Routes that predate the route census (server/route-census.test.ts), listed so the census can be strict for
 * every route added from now on. These lists only shrink: when a route gains its declaration, delete its line
 * (the census fails while a listed route already has one). Never add a line for a new route.
 */

/** Routes still deciding access without declaring it as `config: { permission: '<module>.<decision>' }`. */
export const PERMISSION_PENDING: ReadonlySet<string> = new Set([
]);
