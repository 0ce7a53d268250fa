import type { Question } from './questions.ts';

/** A seeded question: a Question whose list values may be left out. */
export type QuestionSeed = Omit<Question, 'values'> & { values?: Question['values'] };

/**
 * The extra questions of a fresh install, keyed by category code (Open311 used to hard-code
 * them). Administrators edit them afterwards on the category page (case_category_questions);
 * migration 0004 wrote the same rows into installs seeded before the table existed.
 */
export const QUESTION_SEED: Record<string, QuestionSeed[]> = {
  // 井盖破损或丢失
  '0601': [
    {
      code: 'COVER_TYPE',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      description: '井盖类型',
      datatypeDescription: '请选择一项',
      values: [
        { key: 'sewer', name: '污水井' },
        { key: 'rain', name: '雨水井' },
        { key: 'power', name: '电力井' },
        { key: 'telecom', name: '通信井' },
        { key: 'unknown', name: '不清楚' },
      ],
    },
    {
      code: 'COUNT',
      datatype: 'number',
      required: false,
      order: 2,
      description: '数量（个）',
      datatypeDescription: '正整数',
    },
  ],
  // 噪音扰民
  '1101': [
    {
      code: 'OCCURRED_AT',
      datatype: 'datetime',
      required: true,
      order: 1,
      description: '发生时间',
      datatypeDescription: 'ISO 8601，须含时区，如 2026-03-01T22:30:00+08:00',
    },
    {
      code: 'SOURCES',
      datatype: 'multivaluelist',
      required: false,
      order: 2,
      description: '噪音来源',
      datatypeDescription: '可多选',
      values: [
        { key: 'renovation', name: '装修' },
        { key: 'music', name: '音响/乐器' },
        { key: 'pets', name: '宠物' },
        { key: 'business', name: '商铺经营' },
        { key: 'other', name: '其他' },
      ],
    },
    {
      code: 'DETAIL',
      datatype: 'text',
      required: false,
      order: 3,
      description: '补充说明（规律、持续时长等）',
      datatypeDescription: null,
    },
  ],
  // 电梯故障
  '1201': [
    {
      code: 'ELEVATOR_NO',
      datatype: 'string',
      required: false,
      order: 1,
      description: '电梯编号（轿厢内铭牌）',
      datatypeDescription: null,
    },
  ],
};
