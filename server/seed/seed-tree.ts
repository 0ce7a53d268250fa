import type { Tx } from '../platform/db/tx.ts';
import { polygonBBox, type GeoPolygon } from '../modules/org/geo/types.ts';
import type { DistrictFixture } from './geo/fixture.ts';
import { generateDistrictGeometry, generateGridContents } from './geo/generate-geometry.ts';
import { NodeWriter } from './node-writer.ts';
import type { SeededCommunity, SeededGrid, SeededTree } from '../modules/org/demo-tree.ts';

export type { SeededCommunity, SeededGrid, SeededTree } from '../modules/org/demo-tree.ts';

function shape(polygon: GeoPolygon) {
  const [minLng, minLat, maxLng, maxLat] = polygonBBox(polygon);
  return { geometry: polygon, minLng, minLat, maxLng, maxLat };
}

/**
 * Writes the governance tree of the fixture's district: real streets and communities,
 * generated grids, estates, buildings and houses. `housesFor` decides which communities get
 * house-level detail (house rows dominate the volume and so the first-start time).
 */
export async function seedTree(
  tx: Tx,
  fixture: DistrictFixture,
  housesFor: (streetIndex: number) => boolean,
): Promise<SeededTree> {
  const geometry = generateDistrictGeometry(fixture);
  const writer = await NodeWriter.open(tx);
  const d = fixture.district;
  const district = {
    ...(await writer.add(null, {
      level: 'district',
      code: d.code,
      name: d.name,
      ...shape(geometry.district.polygon),
      attrs: { city: d.city, province: d.province },
    })),
    code: d.code,
    name: d.name,
  };
  const streets: SeededTree['streets'] = [];
  for (const [si, street] of geometry.streets.entries()) {
    const sNode = await writer.add(district, {
      level: 'street',
      code: street.code,
      name: street.name,
      ...shape(street.polygon),
    });
    const communities: SeededCommunity[] = [];
    for (const community of street.communities) {
      const cNode = await writer.add(sNode, {
        level: 'community',
        code: community.code,
        name: community.name,
        households: community.households,
        ...shape(community.polygon),
      });
      const grids: SeededGrid[] = [];
      for (const grid of community.grids) {
        const gNode = await writer.add(cNode, {
          level: 'grid',
          code: grid.code,
          name: grid.name,
          households: grid.households,
          ...shape(grid.polygon),
        });
        const buildingIds: number[] = [];
        const contents = generateGridContents(grid);
        for (const [ei, estate] of contents.estates.entries()) {
          const eCode = grid.code + String(ei + 1).padStart(3, '0');
          const eNode = await writer.add(gNode, {
            level: 'estate',
            code: eCode,
            name: estate.name,
            attrs: { kind: estate.kind },
          });
          for (const [bi, building] of estate.buildings.entries()) {
            const bCode = eCode + String(bi + 1).padStart(3, '0');
            const bNode = await writer.add(eNode, {
              level: 'building',
              code: bCode,
              name: building.name,
              households: building.houses.length,
              lng: building.location[0],
              lat: building.location[1],
              attrs: { floors: building.floors, units: building.units },
            });
            buildingIds.push(bNode.id);
            if (!housesFor(si)) continue;
            for (const [hi, house] of building.houses.entries()) {
              await writer.add(bNode, {
                level: 'house',
                code: bCode + String(hi + 1).padStart(4, '0'),
                name: house.room,
                attrs: { unit: house.unit, floor: house.floor },
              });
            }
          }
        }
        grids.push({
          ...gNode,
          code: grid.code,
          name: grid.name,
          households: grid.households,
          communityIndex: communities.length,
          buildingIds,
        });
      }
      communities.push({ ...cNode, code: community.code, name: community.name, streetIndex: si, grids });
    }
    streets.push({ ...sNode, code: street.code, name: street.name, communities });
  }
  await writer.close();
  return { district, streets, nodes: writer.written };
}
