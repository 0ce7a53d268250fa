import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../people/testing/fixtures.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/test-app.ts';
import { findOverlaps } from '../geo/overlap.ts';
import { minus } from './geometry-ops.ts';
import type { GeoArea } from '../geo/types.ts';
import { CGCS2000_PRJ, GK_PRJ, kmlDocument, shapefileZip, type FileFeature } from './testing/write-formats.ts';

const fixture = (name: string) => readFileSync(new URL(`../geo/fixtures/${name}`, import.meta.url));
const GRIDS = fixture('canglang-grids.geojson');
const OUTLINE = JSON.parse(fixture('canglang-outline.geojson').toString()).features[0];
const features: FileFeature[] = JSON.parse(GRIDS.toString()).features.map(
  (f: { properties: Record<string, string>; geometry: GeoArea }) => ({
    code: f.properties['编码'] ?? null,
    name: f.properties['名称']!,
    geometry: f.geometry,
  }),
);

let ctx: TestContext;
let street: Session;
let community: { id: number; code: string };

const importFile = (s: Session, nodeId: number, filename: string, content: Buffer, query = '') => {
  const body = multipartBody(filename, content);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/org/nodes/${nodeId}/boundaries/import${query}`,
    headers: { ...s.headers, ...body.headers },
    payload: body.payload,
  });
};
const gridRows = async () =>
  (
    await ctx.pool.query(
      `select id, code, name, geometry, updated_at from org_nodes where parent_id = $1 and level = 'grid' order by code`,
      [community.id],
    )
  ).rows;
const locate = async (lng: number, lat: number) =>
  (
    await ctx.app.inject({ method: 'GET', url: `/api/org/locate?lng=${lng}&lat=${lat}`, headers: street.headers })
  ).json().data?.code;

beforeAll(async () => {
  ctx = await createTestApp();
  street = await loginAs(ctx.app, 'street');
  const s0 = ctx.seed.tree.streets[0]!;
  expect(s0.code).toBe('320508017'); // the fixture's codes hang under 白洋湾街道
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/org/nodes',
    headers: street.headers,
    payload: { parentId: s0.id, level: 'community', code: '320508017990', name: '沧浪新村社区' },
  });
  expect(res.statusCode).toBe(201);
  community = { id: res.json().data.id, code: '320508017990' };
  // The community's surveyed outline (a street-level import would set it; here it is given).
  await ctx.pool.query(`update org_nodes set geometry = $1 where id = $2`, [
    JSON.stringify(OUTLINE.geometry),
    community.id,
  ]);
});
afterAll(async () => {
  await ctx.close();
});

describe('POST /api/org/nodes/:id/boundaries/import (a community divided into grids along its streets)', () => {
  it('dry run: reports five new grids, the snapped slivers and overlaps, and writes nothing', async () => {
    const res = await importFile(street, community.id, 'canglang.geojson', GRIDS, '?dryRun=true');
    expect(res.statusCode).toBe(200);
    const report = res.json().data;
    expect(report).toMatchObject({
      dryRun: true,
      applied: false,
      toleranceM2: 500,
      childLevel: 'grid',
      summary: { created: 5, updated: 0, unchanged: 0, error: 0 },
    });
    expect(report.features.map((f: { code: string }) => f.code)).toEqual([
      '320508017990001',
      '320508017990002',
      '320508017990003',
      '320508017990004',
      '320508017990005',
    ]);
    // Overlaps of 143–187 m² between the first grid and its neighbours are cut from the later ones.
    expect(report.features[1].messages.join()).toMatch(
      /与第 1 个要素"沧浪新村第一网格"重叠 1\d\d 平方米，已从本边界裁去/,
    );
    expect(report.features.reduce((s: number, f: { snappedM2: number }) => s + f.snappedM2, 0)).toBeGreaterThan(500);
    for (const f of report.features) expect(Math.abs(f.areaAfterM2 - (f.areaAfterM2 - f.snappedM2))).toBeLessThan(400);
    expect(report.warnings).toEqual([]);
    expect(await gridRows()).toHaveLength(0);
  });

  it('applies in one go: grids created, no overlaps, community fully covered, audited', async () => {
    const res = await importFile(street, community.id, 'canglang.geojson', GRIDS);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ applied: true, summary: { created: 5, error: 0 } });
    const rows = await gridRows();
    expect(rows.map((r) => r.name)).toEqual([
      '沧浪新村第一网格',
      '沧浪新村第二网格',
      '沧浪新村第三网格',
      '沧浪新村第四网格',
      '沧浪新村第五网格',
    ]);
    expect(rows[2].geometry.type).toBe('MultiPolygon');
    for (const r of rows) {
      expect(
        findOverlaps(
          r.geometry,
          rows.filter((o) => o.id !== r.id).map((o) => ({ id: o.id, code: o.code, polygon: o.geometry })),
          { toleranceM2: 0.1 },
        ),
      ).toEqual([]);
    }
    const coverage = (
      await ctx.app.inject({ method: 'GET', url: `/api/org/nodes/${community.id}/coverage`, headers: street.headers })
    ).json().data;
    expect(coverage.uncoveredM2).toBe(0);
    const audit = await ctx.pool.query(
      `select action, count(*)::int as n from audit_log where action in ('org.boundary.import', 'org.grid.create') group by action order by action`,
    );
    expect(audit.rows).toEqual([
      { action: 'org.boundary.import', n: 1 },
      { action: 'org.grid.create', n: 5 },
    ]);
  });

  it.each([
    ['the south-west block', 120.6175, 31.302, '320508017990001'],
    ['the south-east block', 120.6215, 31.303, '320508017990002'],
    [
      'the school compound enclosed by the south-east grid (second part of a MultiPolygon)',
      120.62285,
      31.3017,
      '320508017990003',
    ],
    ['the north-west block', 120.6175, 31.306, '320508017990003'],
    ['west of the lane', 120.6212, 31.306, '320508017990004'],
    ['east of the lane', 120.624, 31.306, '320508017990005'],
  ])('a point in %s lands in its grid', async (_where, lng, lat, code) => {
    expect(await locate(lng, lat)).toBe(code);
  });

  it('re-importing the same file (GeoJSON, zipped Shapefile in CGCS2000, KML) changes nothing', async () => {
    const before = await gridRows();
    for (const [name, content] of [
      ['canglang.geojson', GRIDS],
      ['canglang.zip', await shapefileZip(features, CGCS2000_PRJ)],
      ['canglang.kml', kmlDocument(features)],
    ] as const) {
      const res = await importFile(street, community.id, name, content);
      expect(res.statusCode, name).toBe(200);
      expect(res.json().data.summary, name).toEqual({ created: 0, updated: 0, unchanged: 5, error: 0 });
    }
    expect((await gridRows()).map((r) => r.updated_at)).toEqual(before.map((r) => r.updated_at));
  });

  it('a tolerance of 10 m² turns the overlaps into per-feature errors and refuses to apply', async () => {
    const dry = (
      await importFile(street, community.id, 'canglang.geojson', GRIDS, '?dryRun=true&toleranceM2=10')
    ).json().data;
    expect(dry.summary.error).toBeGreaterThan(0);
    expect(dry.features[1]).toMatchObject({ action: 'error' });
    expect(dry.features[1].messages.join()).toMatch(/重叠约 1\d\d 平方米（超过容差 10 平方米）/);
    const res = await importFile(street, community.id, 'canglang.geojson', GRIDS, '?toleranceM2=10');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toMatch(/^features\[\d\]$/);
  });

  it('a moved boundary updates the grid and the point lookup follows it at once', async () => {
    // The second grid takes the enclave back: the school is now part of 第二网格.
    const moved = features.map((f) =>
      f.code === '320508017990002'
        ? {
            ...f,
            geometry: {
              type: 'Polygon' as const,
              coordinates: [(f.geometry.coordinates as number[][][])[0]! as [number, number][]],
            },
          }
        : f.code === '320508017990003'
          ? {
              ...f,
              geometry: {
                type: 'Polygon' as const,
                coordinates: (f.geometry.coordinates as [number, number][][][])[0]!,
              },
            }
          : f,
    );
    const res = await importFile(street, community.id, 'moved.kml', kmlDocument(moved));
    expect(res.statusCode).toBe(200);
    expect(res.json().data.summary).toEqual({ created: 0, updated: 2, unchanged: 3, error: 0 });
    expect(await locate(120.62285, 31.3017)).toBe('320508017990002');
    const redraws = await ctx.pool.query(`select count(*)::int as n from audit_log where action = 'org.grid.redraw'`);
    expect(redraws.rows[0].n).toBe(2);
  });

  const badFiles: [string, string, () => Promise<Buffer> | Buffer, RegExp][] = [
    [
      'a projected shapefile (Gauss–Krüger)',
      'gk.zip',
      () => shapefileZip(features, GK_PRJ),
      /投影坐标系"CGCS2000_3_Degree_GK_CM_120E"/,
    ],
    ['a spreadsheet', 'grids.xlsx', () => Buffer.from('x'), /不支持的文件类型/],
    ['broken JSON', 'grids.geojson', () => Buffer.from('{"type":'), /不是有效的 JSON/],
    [
      'metre coordinates in GeoJSON',
      'grids.geojson',
      () =>
        Buffer.from(
          JSON.stringify({
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { 名称: 'x' },
                geometry: {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [40500000, 3460000],
                      [40500100, 3460000],
                      [40500100, 3460100],
                      [40500000, 3460000],
                    ],
                  ],
                },
              },
            ],
          }),
        ),
      /不是经纬度/,
    ],
  ];
  it.each(badFiles)('refuses %s with a specific 422', async (_label, name, content, message) => {
    const res = await importFile(street, community.id, name, await content());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(message);
  });

  it('names the feature and the crossing point of a self-intersecting boundary', async () => {
    const bowtie = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 编码: '320508017990001', 名称: '沧浪新村第一网格' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [120.615, 31.3002],
                [120.6203, 31.304],
                [120.6203, 31.2998],
                [120.615, 31.304],
                [120.615, 31.3002],
              ],
            ],
          },
        },
      ],
    };
    const res = await importFile(
      street,
      community.id,
      'bowtie.geojson',
      Buffer.from(JSON.stringify(bowtie)),
      '?dryRun=true',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().data.features[0]).toMatchObject({ action: 'error' });
    expect(res.json().data.features[0].messages[0]).toMatch(
      /^第 1 个要素"沧浪新村第一网格"：多边形自相交：边在 \[120\.6175\d*, 31\.302\d*\] 处交叉/,
    );
  });
});

describe('street level and redrawing', () => {
  it("a street imports its communities' outlines; an unknown community code is a per-feature error", async () => {
    const s0 = ctx.seed.tree.streets[0]!;
    const file = {
      type: 'FeatureCollection',
      features: [OUTLINE, { ...OUTLINE, properties: { 编码: '320508017991', 名称: '不存在社区' } }],
    };
    const res = await importFile(
      street,
      s0.id,
      'communities.geojson',
      Buffer.from(JSON.stringify(file)),
      '?dryRun=true',
    );
    expect(res.statusCode).toBe(200);
    const report = res.json().data;
    expect(report.childLevel).toBe('community');
    expect(report.features[0]).toMatchObject({
      code: '320508017990',
      action: expect.stringMatching(/unchanged|updated|error/),
    });
    expect(report.features[1]).toMatchObject({
      action: 'error',
      messages: expect.arrayContaining([expect.stringMatching(/下没有编码为 320508017991 的社区/)]),
    });
  });

  it('PUT /api/org/grids/:id/geometry accepts a MultiPolygon: the school compound goes back to 第三网格', async () => {
    const [, second, third] = await gridRows();
    const enclave: GeoArea = {
      type: 'Polygon',
      coordinates: (features[2]!.geometry.coordinates as [number, number][][][])[1]!,
    };
    const put = (id: number, geometry: unknown) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/org/grids/${id}/geometry`,
        headers: street.headers,
        payload: { geometry },
      });
    // While 第二网格 still holds the compound, the MultiPolygon overlaps it: refused, naming it.
    const refused = await put(third.id, {
      type: 'MultiPolygon',
      coordinates: [third.geometry.coordinates, enclave.coordinates],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/与网格 320508017990002 重叠约 \d+ 平方米/);
    expect((await put(second.id, minus(second.geometry, enclave))).statusCode).toBe(200);
    const res = await put(third.id, {
      type: 'MultiPolygon',
      coordinates: [third.geometry.coordinates, enclave.coordinates],
    });
    expect(res.statusCode).toBe(200);
    expect((await gridRows())[2].geometry.type).toBe('MultiPolygon');
    expect(await locate(120.62285, 31.3017)).toBe('320508017990003');
  });
});

describe('access to boundary import (role × scope)', () => {
  const ACCOUNTS = ['admin', 'street', 'secretary', 'staff', 'gridworker', 'resident', 'dept'] as const;
  const one = Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { 编码: '999' }, geometry: OUTLINE.geometry }],
    }),
  );
  const TARGETS: [string, () => number, number[]][] = [
    ['own street', () => ctx.seed.tree.streets[0]!.id, [200, 200, 404, 404, 404, 404, 403]],
    ['own community', () => ctx.seed.tree.streets[0]!.communities[0]!.id, [200, 200, 200, 403, 404, 404, 403]],
    [
      'a community of another street',
      () => ctx.seed.tree.streets[1]!.communities[0]!.id,
      [200, 404, 404, 404, 404, 404, 404],
    ],
  ];
  it.each(TARGETS)('dry run on %s', async (_label, target, expected) => {
    const got: number[] = [];
    for (const account of ACCOUNTS)
      got.push(
        (await importFile(await loginAs(ctx.app, account), target(), 'one.geojson', one, '?dryRun=true')).statusCode,
      );
    expect(got).toEqual(expected);
  });
});
