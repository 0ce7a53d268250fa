import { RESIDENCE_TYPES } from '../../../../../contracts/people.ts';
import { houseRefsByCode, type HouseRef } from '../../org-refs.ts';
import { identityFacts, identityProblem, passportProblem, phoneProblem } from '../../rules/identity.ts';
import { bigrams, bigramsWith } from '../../rules/tokens.ts';
import { tail } from '../../pii.ts';
import { upsertResidents, type ResidentValue } from '../../commands/upsert-residents.ts';
import { normaliseDate, splitList, type CellError, type KindSpec } from '../kind.ts';

/** Address bigrams per house, computed once per house object (one lookup map per batch). */
const addressGrams = new WeakMap<HouseRef, string[]>();
function gramsOf(house: HouseRef): string[] {
  let grams = addressGrams.get(house);
  if (!grams) {
    grams = bigrams(house.address);
    addressGrams.set(house, grams);
  }
  return grams;
}

export const residentKind: KindSpec<Map<string, HouseRef>, ResidentValue> = {
  fields: [
    { field: 'name', label: '姓名', required: true, aliases: ['姓名', '居民姓名'] },
    { field: 'idKind', label: '证件类型', aliases: ['证件类型'] },
    {
      field: 'idNumber',
      label: '证件号码',
      required: true,
      aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '护照号码'],
    },
    { field: 'gender', label: '性别', aliases: ['性别'] },
    { field: 'birthDate', label: '出生日期', aliases: ['出生日期', '生日'] },
    { field: 'phone', label: '联系电话', aliases: ['联系电话', '手机号', '手机号码', '电话'] },
    { field: 'houseCode', label: '房屋编码', required: true, aliases: ['房屋编码', '房屋编号'] },
    { field: 'householdNo', label: '户号', aliases: ['户号', '户编号'] },
    { field: 'relation', label: '与户主关系', aliases: ['与户主关系', '关系'] },
    { field: 'residenceType', label: '人口类型', required: true, aliases: ['人口类型', '居住类型', '户籍类型'] },
    { field: 'careTags', label: '关怀标签', aliases: ['关怀标签', '人员标签', '标签'] },
    { field: 'movedInOn', label: '入住日期', aliases: ['入住日期', '迁入日期'] },
    { field: 'movedOutOn', label: '迁出日期', aliases: ['迁出日期'] },
  ],
  lookup: (q, rows, ctx) =>
    houseRefsByCode(q, [...new Set(rows.map((r) => r.houseCode ?? '').filter(Boolean))], ctx.scopePath),
  validate(row, houses, ctx) {
    const errors: CellError[] = [];
    const fail = (field: string, reason: string) => {
      errors.push({ field, value: row[field] ?? '', reason });
    };
    for (const f of ['name', 'idNumber', 'houseCode', 'residenceType']) if (!row[f]) fail(f, '必填');
    const name = row.name ?? '';
    if (name.length > 40) fail('name', '姓名过长');
    const idKind = row.idKind || (row.residenceType === '境外' ? '护照' : '身份证');
    const idNumber = (row.idNumber ?? '').toUpperCase();
    let gender = row.gender ?? '';
    let birthDate = row.birthDate ? normaliseDate(row.birthDate) : null;
    if (row.birthDate && !birthDate) fail('birthDate', '日期无法识别');
    if (idKind !== '身份证' && idKind !== '护照') fail('idKind', '证件类型应为 身份证 或 护照');
    else if (idNumber && idKind === '身份证') {
      const problem = identityProblem(idNumber);
      if (problem) fail('idNumber', problem);
      else {
        const facts = identityFacts(idNumber);
        if (gender && gender !== facts.gender) fail('gender', `与身份证号不符（应为${facts.gender}）`);
        if (birthDate && birthDate !== facts.birthDate) fail('birthDate', `与身份证号不符（应为${facts.birthDate}）`);
        gender = facts.gender;
        birthDate = facts.birthDate;
      }
    } else if (idNumber) {
      const problem = passportProblem(idNumber);
      if (problem) fail('idNumber', problem);
      if (gender !== '男' && gender !== '女') fail('gender', '持护照人员须填写性别（男/女）');
      if (!birthDate && !row.birthDate) fail('birthDate', '持护照人员须填写出生日期');
    }
    const phone = (row.phone ?? '').replace(/[\s-]/g, '');
    if (phone) {
      const problem = phoneProblem(phone);
      if (problem) fail('phone', problem);
    }
    if (row.residenceType && !(RESIDENCE_TYPES as readonly string[]).includes(row.residenceType))
      fail('residenceType', '应为 户籍、流动 或 境外');
    const tags = splitList(row.careTags);
    const unknown = tags.filter((t) => !ctx.careTags.has(t));
    if (unknown.length) fail('careTags', `未登记的标签：${unknown.join('、')}`);
    const movedInOn = row.movedInOn ? normaliseDate(row.movedInOn) : null;
    if (row.movedInOn && !movedInOn) fail('movedInOn', '日期无法识别');
    const movedOutOn = row.movedOutOn ? normaliseDate(row.movedOutOn) : null;
    if (row.movedOutOn && !movedOutOn) fail('movedOutOn', '日期无法识别');
    const house = row.houseCode ? houses.get(row.houseCode) : undefined;
    if (row.houseCode && !house) fail('houseCode', '房屋不存在或不在您的管辖范围内');
    if (errors.length || !house) return errors;
    const { codec } = ctx;
    return {
      houseNodeId: house.id,
      scopePath: house.path,
      name,
      gender,
      birthDate: birthDate!,
      idKind,
      idCipher: codec.seal(idNumber),
      idHash: codec.lookupHash('id', idNumber),
      idTail: tail(idNumber),
      phoneCipher: phone ? codec.seal(phone) : null,
      phoneHash: phone ? codec.lookupHash('phone', phone) : null,
      phoneTail: phone ? tail(phone) : null,
      householdNo: row.householdNo || null,
      relation: row.relation || null,
      residenceType: row.residenceType!,
      careTags: tags,
      movedInOn,
      movedOutOn,
      address: house.address,
      searchTokens: bigramsWith(gramsOf(house), name),
    };
  },
  write: async (tx, values) => {
    await upsertResidents(tx, values);
  },
};
