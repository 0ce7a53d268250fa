import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The bench district's geometry: grid g is a 0.01° square on a lattice, so points are easy to place. */
export const LATTICE = { lng0: 120.4, lat0: 31.1, step: 0.01, cols: 25 };
export const GRID_COUNT = 577;
export const DISTRICT_CODE = '320508';

export interface BenchTree {
  houseCodes: string[];
  gridCodes: string[];
  districtPath: string;
  communityPaths: string[];
  gridPaths: string[];
}

function square(g: number) {
  const x = LATTICE.lng0 + (g % LATTICE.cols) * LATTICE.step,
    y = LATTICE.lat0 + Math.floor(g / LATTICE.cols) * LATTICE.step;
  return {
    x,
    y,
    polygon: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + LATTICE.step, y],
          [x + LATTICE.step, y + LATTICE.step],
          [x, y + LATTICE.step],
          [x, y],
        ],
      ],
    },
  };
}

function tsv(values: (string | number | null)[]): string {
  return (
    values.map((v) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, ' '))).join('\t') + '\n'
  );
}

/**
 * Writes a district of 8 streets × 9 communities × 577 grids with estates, buildings and
 * `houses` house nodes straight into org_nodes with COPY (the bench measures base data, not the tree).
 */
export async function writeTree(pool: pg.Pool, houses: number): Promise<BenchTree> {
  const lines: string[] = [];
  const tree: BenchTree = { houseCodes: [], gridCodes: [], districtPath: '/1/', communityPaths: [], gridPaths: [] };
  let id = 0;
  const add = (
    parent: { id: number; path: string } | null,
    level: string,
    code: string,
    name: string,
    extra: { geometry?: unknown; box?: number[]; attrs?: unknown } = {},
  ) => {
    id++;
    const path = `${parent?.path ?? '/'}${id}/`;
    const box = extra.box ?? [null, null, null, null];
    lines.push(
      tsv([
        id,
        parent?.id ?? null,
        level,
        code,
        name,
        path,
        extra.geometry ? JSON.stringify(extra.geometry) : null,
        ...(box as (number | null)[]),
        JSON.stringify(extra.attrs ?? {}),
      ]),
    );
    return { id, path, code };
  };
  const district = add(null, 'district', DISTRICT_CODE, '姑苏区');
  const housesPerGrid = Math.ceil(houses / GRID_COUNT);
  const perBuilding = 24;
  let g = 0,
    made = 0;
  for (let s = 0; s < 8; s++) {
    const street = add(district, 'street', `${DISTRICT_CODE}${String(s + 1).padStart(3, '0')}`, `街道${s + 1}`);
    for (let c = 0; c < 9; c++) {
      const community = add(
        street,
        'community',
        `${street.code}${String(c + 1).padStart(3, '0')}`,
        `社区${s * 9 + c + 1}`,
      );
      tree.communityPaths.push(community.path);
      const gridsHere = s === 0 && c === 0 ? 9 : 8;
      for (let k = 0; k < gridsHere && g < GRID_COUNT; k++, g++) {
        const { x, y, polygon } = square(g);
        const grid = add(community, 'grid', `${community.code}${String(k + 1).padStart(3, '0')}`, `第${k + 1}网格`, {
          geometry: polygon,
          box: [x, y, x + LATTICE.step, y + LATTICE.step],
        });
        tree.gridCodes.push(grid.code);
        tree.gridPaths.push(grid.path);
        for (let e = 0; e < 2; e++) {
          const estate = add(
            grid,
            'estate',
            `${grid.code}${String(e + 1).padStart(3, '0')}`,
            `${['东港', '桐芳', '南环', '金阊'][g % 4]}${e + 1}村`,
          );
          const inEstate = Math.ceil(housesPerGrid / 2);
          for (let b = 0; b * perBuilding < inEstate; b++) {
            const building = add(estate, 'building', `${estate.code}${String(b + 1).padStart(3, '0')}`, `${b + 1}幢`);
            for (let h = 0; h < perBuilding && b * perBuilding + h < inEstate && made < houses; h++, made++) {
              const house = add(
                building,
                'house',
                `${building.code}${String(h + 1).padStart(4, '0')}`,
                `${Math.floor(h / 4) + 1}0${(h % 4) + 1}室`,
                { attrs: { unit: 1 + (h % 2), floor: Math.floor(h / 4) + 1 } },
              );
              tree.houseCodes.push(house.code);
            }
          }
        }
      }
    }
  }
  const client = await pool.connect();
  try {
    const copy = client.query(
      copyFrom(
        `copy org_nodes (id, parent_id, level, code, name, path, geometry, min_lng, min_lat, max_lng, max_lat, attrs) from stdin`,
      ),
    );
    await pipeline(Readable.from(lines), copy);
    await client.query(`select setval(pg_get_serial_sequence('org_nodes', 'id'), ${id})`);
  } finally {
    client.release();
  }
  return tree;
}

export { square };
