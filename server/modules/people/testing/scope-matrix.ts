import { person } from './fixtures.ts';

/** Ids the people-scope test's set-up fills in (A: in the demo grid, B: in the other street). */
export const t = {
  residentA: 0,
  residentB: 0,
  houseA: 0,
  houseB: 0,
  importA: 0,
  importB: 0,
  leaverA: 0,
  leaverB: 0,
  gridA: 0,
  gridB: 0,
};
/** Registers by hand: an entity and a component in grid 1 (A) and in street 2 (B), and their request bodies. */
export const r = { entityA: 0, entityB: 0, componentA: 0, componentB: 0 } as Record<string, number>;
export const bodies = {} as Record<'entityA' | 'entityB' | 'componentA' | 'componentB', Record<string, unknown>>;

export type Call = { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown; multipart?: boolean };
const today = '2026-01-05';
/**
 * Expected status per account (order of ACCOUNTS). 422 means the request passed the policy and
 * then met a business rule (same house, house not let), so no state changes between accounts.
 */
export const MATRIX: [string, () => Call, number[]][] = [
  [
    'list residents',
    () => ({ method: 'GET', url: '/api/people/residents' }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'resident A detail',
    () => ({ method: 'GET', url: `/api/people/residents/${t.residentA}` }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'resident B detail',
    () => ({ method: 'GET', url: `/api/people/residents/${t.residentB}` }),
    [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  ],
  [
    'reveal A',
    () => ({ method: 'POST', url: `/api/people/residents/${t.residentA}/reveal`, payload: { reason: '核实低保申请' } }),
    [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'reveal B',
    () => ({ method: 'POST', url: `/api/people/residents/${t.residentB}/reveal`, payload: { reason: '核实低保申请' } }),
    [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  ],
  [
    'save resident in A house',
    () => ({
      method: 'POST',
      url: '/api/people/residents',
      payload: { name: '居民1', idNumber: person(1), houseId: t.houseA, residenceType: '户籍', phone: '13912345678' },
    }),
    [201, 201, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'save resident in B house',
    () => ({
      method: 'POST',
      url: '/api/people/residents',
      payload: { name: '居民2', idNumber: person(2), houseId: t.houseB, residenceType: '户籍', phone: '13912345678' },
    }),
    [201, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'move A to its own house',
    () => ({
      method: 'POST',
      url: `/api/people/residents/${t.residentA}/move`,
      payload: { houseId: t.houseA, movedOn: today },
    }),
    [422, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'move B',
    () => ({
      method: 'POST',
      url: `/api/people/residents/${t.residentB}/move`,
      payload: { houseId: t.houseB, movedOn: today },
    }),
    [422, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  ],
  [
    'correct resident A (same facts)',
    () => ({
      method: 'PUT',
      url: `/api/people/residents/${t.residentA}`,
      payload: { name: '居民1', residenceType: '户籍' },
    }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'correct resident B',
    () => ({
      method: 'PUT',
      url: `/api/people/residents/${t.residentB}`,
      payload: { name: '居民2', residenceType: '户籍' },
    }),
    [200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'move A out before moving in',
    () => ({
      method: 'POST',
      url: `/api/people/residents/${t.leaverA}/move-out`,
      payload: { movedOutOn: '2000-01-01' },
    }),
    [422, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'move B out before moving in',
    () => ({
      method: 'POST',
      url: `/api/people/residents/${t.leaverB}/move-out`,
      payload: { movedOutOn: '2000-01-01' },
    }),
    [422, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'entity A detail',
    () => ({ method: 'GET', url: `/api/people/entities/${r.entityA}` }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'entity B detail',
    () => ({ method: 'GET', url: `/api/people/entities/${r.entityB}` }),
    [200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'register an entity already registered',
    () => ({ method: 'POST', url: '/api/people/entities', payload: bodies.entityA }),
    [422, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'correct entity A (same facts)',
    () => ({ method: 'PUT', url: `/api/people/entities/${r.entityA}`, payload: bodies.entityA }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'correct entity B',
    () => ({ method: 'PUT', url: `/api/people/entities/${r.entityB}`, payload: bodies.entityB }),
    [200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'component A detail',
    () => ({ method: 'GET', url: `/api/people/components/${r.componentA}` }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'component B detail',
    () => ({ method: 'GET', url: `/api/people/components/${r.componentB}` }),
    [200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'register a component already registered',
    () => ({ method: 'POST', url: '/api/people/components', payload: bodies.componentA }),
    [422, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'correct component A (same facts)',
    () => ({ method: 'PUT', url: `/api/people/components/${r.componentA}`, payload: bodies.componentA }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'correct component B',
    () => ({ method: 'PUT', url: `/api/people/components/${r.componentB}`, payload: bodies.componentB }),
    [200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'export residents',
    () => ({ method: 'GET', url: '/api/people/residents/export?format=csv' }),
    [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'export residents unmasked',
    () => ({
      method: 'GET',
      url: `/api/people/residents/export?format=csv&reveal=1&reason=${encodeURIComponent('年度核查')}`,
    }),
    [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'export houses',
    () => ({ method: 'GET', url: '/api/people/houses/export?format=csv' }),
    [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'export entities',
    () => ({ method: 'GET', url: '/api/people/entities/export?format=xlsx' }),
    [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'export components',
    () => ({ method: 'GET', url: '/api/people/components/export?format=csv' }),
    [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'list houses',
    () => ({ method: 'GET', url: '/api/people/houses' }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'house A detail',
    () => ({ method: 'GET', url: `/api/people/houses/${t.houseA}` }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'house B detail',
    () => ({ method: 'GET', url: `/api/people/houses/${t.houseB}` }),
    [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  ],
  [
    'save house A',
    () => ({ method: 'PUT', url: `/api/people/houses/${t.houseA}`, payload: { use: '自住', areaM2: 88 } }),
    [204, 204, 204, 204, 204, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'save house B',
    () => ({ method: 'PUT', url: `/api/people/houses/${t.houseB}`, payload: { use: '自住', areaM2: 70 } }),
    [204, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  ],
  [
    'register tenant in A (not let)',
    () => ({
      method: 'POST',
      url: `/api/people/houses/${t.houseA}/tenancies`,
      payload: { residentId: t.residentA, startOn: today },
    }),
    [422, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'register tenant in B',
    () => ({
      method: 'POST',
      url: `/api/people/houses/${t.houseB}/tenancies`,
      payload: { residentId: t.residentB, startOn: today },
    }),
    [422, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  ],
  [
    'list entities',
    () => ({ method: 'GET', url: '/api/people/entities' }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'list components',
    () => ({ method: 'GET', url: '/api/people/components' }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'components GeoJSON',
    () => ({ method: 'GET', url: '/api/people/components/geojson?bbox=120,31,121,32' }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'components near a pin (case reporting)',
    () => ({ method: 'GET', url: '/api/people/components/nearby?lng=120.62&lat=31.31' }),
    [200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403],
  ],
  [
    'care tags',
    () => ({ method: 'GET', url: '/api/people/care-tags' }),
    [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'reveal log',
    () => ({ method: 'GET', url: '/api/people/reveal-log' }),
    [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'upload import',
    () => ({ method: 'POST', url: '/api/people/imports?kind=residents', multipart: true }),
    [201, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'list imports',
    () => ({ method: 'GET', url: '/api/people/imports' }),
    [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'import A (community 1)',
    () => ({ method: 'GET', url: `/api/people/imports/${t.importA}` }),
    [200, 200, 200, 200, 404, 404, 404, 403, 404, 403, 403, 403],
  ],
  [
    'import B (district)',
    () => ({ method: 'GET', url: `/api/people/imports/${t.importB}` }),
    [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  ],
  [
    'import A error report',
    () => ({ method: 'GET', url: `/api/people/imports/${t.importA}/errors?format=csv` }),
    [200, 200, 200, 200, 404, 404, 404, 403, 404, 403, 403, 403],
  ],
  [
    'start import A with a bad mapping',
    () => ({ method: 'POST', url: `/api/people/imports/${t.importA}/start`, payload: { mapping: {} } }),
    [422, 422, 422, 422, 404, 404, 404, 403, 404, 403, 403, 403],
  ],
];
