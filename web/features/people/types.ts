// Response shapes come from the shared contracts (what the server's response schemas send).
export type {
  Component,
  Entity,
  House,
  HouseDetail,
  HouseParts,
  ImportInfo,
  NearbyComponent,
  Resident,
  ResidentDetail,
  RevealLogEntry,
} from '../../../contracts/people-responses.ts';

/** A page of any base-data list; reveal-log pages count exactly and carry no `totalCapped`. */
export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
  totalCapped?: boolean;
}
export interface Page<T> {
  data: T[];
  page: PageInfo;
}
