import { describe, expect, it } from 'vitest';
import { queryString } from './api';

describe('queryString', () => {
  it('skips empty filters and joins lists with commas', () => {
    expect(
      queryString({
        q: '王芳',
        tags: ['独居老人', '高龄'],
        ageBand: undefined,
        houseUse: '',
        residenceType: null,
        page: 2,
      }),
    ).toBe(`?q=${encodeURIComponent('王芳')}&tags=${encodeURIComponent('独居老人,高龄')}&page=2`);
    expect(queryString({ tags: [] })).toBe('');
  });
});
