/** shpjs ships without types; the one entry point we use. */
declare module 'shpjs' {
  export function getShapefile(input: {
    shp: DataView;
    dbf?: DataView;
    cpg?: string;
    prj?: string;
  }): Promise<{ type: 'FeatureCollection'; features: { geometry: unknown; properties: Record<string, unknown> }[] }>;
}
