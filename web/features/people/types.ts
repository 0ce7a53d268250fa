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

export interface Resident {
  id: number;
  name: string;
  gender: string;
  birthDate: string;
  idKind: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  houseId: number;
  address: string;
  householdNo: string | null;
  relation: string | null;
  residenceType: string;
  careTags: string[];
  movedInOn: string | null;
  movedOutOn: string | null;
}
export interface ResidentDetail extends Resident {
  history: { houseId: number; address: string | null; fromOn: string | null; toOn: string | null }[];
}

export interface House {
  id: number;
  address: string;
  use: string;
  areaM2: number | null;
  ownerName: string | null;
  occupants: number;
}
export interface Entity {
  id: number;
  creditCode: string;
  name: string;
  type: string;
  legalRep: string | null;
  address: string | null;
  employees: number | null;
}
export interface Component {
  id: number;
  componentCode: string;
  name: string;
  state: string;
  lng: number;
  lat: number;
  ownerUnit: string | null;
  maintainerUnit: string | null;
}

export interface ImportInfo {
  id: number;
  kind: string;
  fileName: string;
  format: string;
  headers: string[];
  mapping: Record<string, string> | null;
  state: 'uploaded' | 'queued' | 'running' | 'done' | 'failed';
  checkpointRow: number;
  okRows: number;
  errorRows: number;
  fields: { field: string; label: string; required: boolean }[];
  progress: { fraction?: number; checkpointRow?: number } | null;
  lastError: string | null;
  createdAt: string;
}

export interface RevealLogEntry {
  id: number;
  at: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  actor: string | null;
  actorRole: string | null;
}

export interface HouseParts {
  community: string;
  grid: string;
  estate: string;
  building: string;
  unit: string | null;
  floor: string | null;
  room: string;
}
export interface HouseDetail {
  id: number;
  code: string;
  address: string;
  parts: HouseParts | null;
  facts: { use: string; areaM2: number | null; ownerName: string | null } | null;
  occupants: {
    id: number;
    name: string;
    relation: string | null;
    residenceType: string;
    movedInOn: string | null;
    careTags: string[];
  }[];
  tenancies: {
    id: number;
    residentId: number;
    name: string;
    startOn: string;
    endOn: string | null;
    registeredAt: string;
  }[];
  history: { residentId: number; name: string; fromOn: string | null; toOn: string | null }[];
}

/** A city component near a map pin (case reporting). */
export interface NearbyComponent {
  id: number;
  componentCode: string;
  major: string;
  minor: string;
  name: string;
  state: string;
  lng: number;
  lat: number;
  metres: number;
}
