/** Totals are counted up to this many rows: an exact count of 2 million rows costs more than the page itself. */
export const COUNT_CAP = 2_000;

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
  totalCapped: boolean;
}

export function pageInfoOf(page: number, pageSize: number, counted: number): PageInfo {
  return { page, pageSize, total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
}
