// Option lists for filters and forms. They mirror contracts/people.ts, which the bundle must not
// import at runtime (it would pull zod into the browser); the server validates every value anyway.
export const RESIDENCE_TYPES = ['户籍', '流动', '境外'];
export const HOUSE_USES = ['自住', '出租', '空置', '商用'];
export const ENTITY_TYPES = ['企业', '个体工商户', '社会组织', '机关事业单位'];
export const COMPONENT_STATES = ['完好', '破损', '丢失', '占用'];
export const AGE_BANDS = [
  { value: '0-17', label: '0–17 岁' },
  { value: '18-59', label: '18–59 岁' },
  { value: '60-79', label: '60–79 岁' },
  { value: '80+', label: '80 岁及以上' },
];
export const IMPORT_KINDS = [
  { value: 'residents', label: '实有人口' },
  { value: 'houses', label: '房屋' },
  { value: 'entities', label: '法人单位' },
  { value: 'components', label: '城市部件' },
];

export const toOptions = (values: string[]) => values.map((v) => ({ value: v, label: v }));
