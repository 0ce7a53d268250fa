export interface PageInfo { page: number; pageSize: number; total: number; totalCapped?: boolean }
export interface Page<T> { data: T[]; page: PageInfo }

export interface Resident {
  id: number; name: string; gender: string; birthDate: string; idKind: string; idNumberMasked: string; phoneMasked: string | null;
  houseId: number; address: string; householdNo: string | null; relation: string | null; residenceType: string; careTags: string[];
  movedInOn: string | null; movedOutOn: string | null;
}
export interface ResidentDetail extends Resident { history: { houseId: number; fromOn: string | null; toOn: string | null }[] }

export interface House { id: number; address: string; use: string; areaM2: number | null; ownerName: string | null; occupants: number }
export interface Entity { id: number; creditCode: string; name: string; type: string; legalRep: string | null; address: string | null; employees: number | null }
export interface Component { id: number; componentCode: string; name: string; state: string; lng: number; lat: number; ownerUnit: string | null; maintainerUnit: string | null }

export interface ImportInfo {
  id: number; kind: string; fileName: string; format: string; headers: string[]; mapping: Record<string, string> | null;
  state: 'uploaded' | 'queued' | 'running' | 'done' | 'failed'; checkpointRow: number; okRows: number; errorRows: number;
  fields: { field: string; label: string; required: boolean }[];
  progress: { fraction?: number; checkpointRow?: number } | null; lastError: string | null; createdAt: string;
}

export interface RevealLogEntry { id: number; at: string; action: string; targetId: string | null; summary: Record<string, unknown>; actor: string | null; actorRole: string | null }
