import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { applyFieldErrors, fieldErrorsOf, formErrorMessage } from './form-errors';

const err422 = new ApiError(422, 'VALIDATION_FAILED', '输入有误', [
  { path: 'name', message: '岗位名称至少 2 个字' },
  { path: 'items.1.code', message: '编码须以小写字母开头' },
  { path: 'items.1.code', message: '编码须以小写字母开头' },
  { path: 'endsAt', message: '结束时间须晚于开始时间' },
  { path: 'querystring.page', message: '不能小于/短于 1' },
]);

describe('fieldErrorsOf', () => {
  it('turns dotted server paths into antd field names, list indexes as numbers, one message once', () => {
    expect(fieldErrorsOf(err422, ['name', 'items'])).toEqual([
      { name: ['name'], errors: ['岗位名称至少 2 个字'] },
      { name: ['items', 1, 'code'], errors: ['编码须以小写字母开头'] },
    ]);
  });

  it('shows a server field on the form field standing for it (the time range)', () => {
    expect(fieldErrorsOf(err422, ['time'], { startsAt: 'time', endsAt: 'time' })).toEqual([
      { name: ['time'], errors: ['结束时间须晚于开始时间'] },
    ]);
  });

  it('ignores errors that are not ApiErrors and fields the form does not have', () => {
    expect(fieldErrorsOf(new Error('x'), ['name'])).toEqual([]);
    expect(fieldErrorsOf(new ApiError(409, 'DUPLICATE', '本社区已有同名队伍'), ['name'])).toEqual([]);
    expect(fieldErrorsOf(err422, ['title'])).toEqual([]);
  });

  it('sets the fields on the form and says whether any matched', () => {
    const set: unknown[] = [];
    const form = {
      setFields: (f: unknown[]) => {
        set.push(...f);
      },
    } as never;
    expect(applyFieldErrors(form, err422, ['name'])).toBe(true);
    expect(set).toEqual([{ name: ['name'], errors: ['岗位名称至少 2 个字'] }]);
    expect(applyFieldErrors(form, err422, ['capacity'])).toBe(false);
  });
});

describe('formErrorMessage', () => {
  it('places what it can and returns the rest as the message above the form', () => {
    const set: unknown[] = [];
    const form = {
      setFields: (f: unknown[]) => {
        set.push(...f);
      },
    } as never;
    expect(formErrorMessage(form, err422, ['name', 'items', 'time'], { startsAt: 'time', endsAt: 'time' })).toBe(
      '输入有误：不能小于/短于 1',
    );
    expect(set).toHaveLength(3);
    expect(
      formErrorMessage(
        form,
        new ApiError(422, 'VALIDATION_FAILED', '输入有误', [{ path: 'lng', message: '不在任何网格内' }]),
        ['address'],
        { lng: 'address' },
      ),
    ).toBeNull();
    expect(formErrorMessage(form, new ApiError(409, 'CONFLICT', '已被他人处理'), ['name'])).toBe('已被他人处理');
  });
});
