import fs from 'node:fs';
import { once } from 'node:events';
import { makeIdentityNumber } from '../../server/seed/identity-number.ts';
import { orgCodeCheckChar, usccCheckChar } from '../../server/modules/people/rules/uscc.ts';
import { DISTRICT_CODE, GRID_COUNT, LATTICE, type BenchTree } from './tree.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文';
const TAGS = ['独居老人', '高龄', '留守儿童', '残疾人', '低保', '退役军人', ''];

/** A deterministic pseudo-random sequence, so that two bench runs import the same files. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function writeCsv(file: string, header: string[], count: number, row: (i: number) => string[]): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${header.join(',')}\n`);
  for (let i = 0; i < count; i++) if (!out.write(`${row(i).join(',')}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Unique valid identity numbers: day of birth, then sequence, then sex vary with i. */
export function benchIdentity(i: number): string {
  const day = i % 32000,
    rest = Math.floor(i / 32000);
  const birth = new Date(Date.UTC(1935, 0, 1) + day * 86400000);
  return makeIdentityNumber(DISTRICT_CODE, birth, Math.floor(rest / 2) % 500, rest % 2 ? 'male' : 'female');
}

export function benchName(r: () => number): string {
  return (
    SURNAMES[Math.floor(r() * SURNAMES.length)]! +
    GIVEN[Math.floor(r() * GIVEN.length)]! +
    (r() < 0.6 ? GIVEN[Math.floor(r() * GIVEN.length)]! : '')
  );
}

export async function writeResidents(file: string, count: number, tree: BenchTree): Promise<void> {
  const r = rng(1);
  await writeCsv(file, ['姓名', '身份证号', '联系电话', '房屋编码', '人口类型', '关怀标签'], count, (i) => [
    benchName(r),
    benchIdentity(i),
    `13${String(100000000 + i).slice(-9)}`,
    tree.houseCodes[i % tree.houseCodes.length]!,
    r() < 0.85 ? '户籍' : '流动',
    TAGS[Math.floor(r() * TAGS.length)]!,
  ]);
}

export async function writeHouses(file: string, tree: BenchTree): Promise<void> {
  const r = rng(2);
  await writeCsv(file, ['房屋编码', '房屋用途', '建筑面积', '产权人'], tree.houseCodes.length, (i) => [
    tree.houseCodes[i]!,
    ['自住', '自住', '出租', '空置', '商用'][Math.floor(r() * 5)]!,
    String(40 + Math.floor(r() * 100)),
    benchName(r),
  ]);
}

export function benchCreditCode(i: number): string {
  const body = String(10000000 + i).slice(-8);
  const first17 = `91${DISTRICT_CODE}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export async function writeEntities(file: string, count: number, tree: BenchTree): Promise<void> {
  const r = rng(3);
  await writeCsv(
    file,
    ['统一社会信用代码', '单位名称', '单位类型', '法定代表人', '地址', '网格编码', '从业人数'],
    count,
    (i) => [
      benchCreditCode(i),
      `苏州${benchName(r)}商贸有限公司${i}`,
      ['企业', '个体工商户', '社会组织', '机关事业单位'][i % 4]!,
      benchName(r),
      `姑苏区${benchName(r)}路${i % 300}号`,
      tree.gridCodes[i % tree.gridCodes.length]!,
      String(Math.floor(r() * 200)),
    ],
  );
}

export async function writeComponents(file: string, count: number): Promise<void> {
  const r = rng(4);
  await writeCsv(file, ['部件编码', '经度', '纬度', '部件状态'], count, (i) => {
    const g = i % GRID_COUNT;
    const x = LATTICE.lng0 + (g % LATTICE.cols) * LATTICE.step + (0.1 + 0.8 * r()) * LATTICE.step;
    const y = LATTICE.lat0 + Math.floor(g / LATTICE.cols) * LATTICE.step + (0.1 + 0.8 * r()) * LATTICE.step;
    return [
      `${DISTRICT_CODE}01${String(1 + Math.floor(i / 999999)).padStart(2, '0')}${String(1 + (i % 999999)).padStart(6, '0')}`,
      x.toFixed(6),
      y.toFixed(6),
      ['完好', '完好', '破损', '丢失', '占用'][i % 5]!,
    ];
  });
}
