import { maskIdentityNumber, maskPhone } from '../../../platform/masking.ts';
import type { PiiCodec } from '../pii.ts';
import type { ResidentExportRow } from '../queries/residents.ts';
import type { ExportColumn } from './table-stream.ts';

/** Resident export columns: masked unless the export was explicitly revealed (and audited as such). */
export function residentColumns(codec: PiiCodec, reveal: boolean): ExportColumn<ResidentExportRow>[] {
  const id = (r: ResidentExportRow) => {
    const v = codec.open(r.idCipher);
    return reveal ? v : maskIdentityNumber(v);
  };
  const phone = (r: ResidentExportRow) => {
    if (!r.phoneCipher) return null;
    const v = codec.open(r.phoneCipher);
    return reveal ? v : maskPhone(v);
  };
  return [
    { header: '姓名', value: (r) => r.name, width: 10 },
    { header: '证件类型', value: (r) => r.idKind, width: 8 },
    { header: '证件号码', value: id, width: 22 },
    { header: '性别', value: (r) => r.gender, width: 6 },
    { header: '出生日期', value: (r) => r.birthDate, width: 12 },
    { header: '联系电话', value: phone, width: 14 },
    { header: '地址', value: (r) => r.address, width: 36 },
    { header: '户号', value: (r) => r.householdNo },
    { header: '与户主关系', value: (r) => r.relation, width: 10 },
    { header: '人口类型', value: (r) => r.residenceType, width: 8 },
    { header: '关怀标签', value: (r) => r.careTags.join('、') },
    { header: '入住日期', value: (r) => r.movedInOn, width: 12 },
    { header: '迁出日期', value: (r) => r.movedOutOn, width: 12 },
  ];
}

export interface ErrorReportRow {
  rowNo: number;
  columnName: string;
  value: string | null;
  reason: string;
}
export const errorReportColumns: ExportColumn<ErrorReportRow>[] = [
  { header: '行号', value: (r) => r.rowNo, width: 8 },
  { header: '列', value: (r) => r.columnName, width: 16 },
  { header: '值', value: (r) => r.value, width: 24 },
  { header: '原因', value: (r) => r.reason, width: 48 },
];
