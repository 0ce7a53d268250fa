import { describe, expect, it } from 'vitest';
import { departmentsFor, levelsFor, mayHoldSelectable, passwordReason, rosterIssues, selectableLevel } from './logic';
import type { Grantable } from './types';

const grantable: Grantable = {
  roles: [
    { role: 'grid_worker', label: '网格员', levels: ['grid'], needsDepartment: false },
    { role: 'resident', label: '居民', levels: ['building', 'house'], needsDepartment: false },
    { role: 'department_handler', label: '职能部门处置人员', levels: ['street', 'district'], needsDepartment: true },
  ],
  scope: { nodeId: 1, level: 'district', name: '东城区' },
  departments: [
    { id: 5, name: '城管中队', servesNodeId: 2 },
    { id: 6, name: '市场所', servesNodeId: 3 },
  ],
};

describe('roster report', () => {
  it('splits "<row>.<column>" paths and orders by row', () => {
    expect(
      rosterIssues([
        { path: '5.手机号', message: '手机号应为 11 位' },
        { path: '3.身份证号', message: '校验失败' },
        { path: 'file', message: '请选择文件' },
      ]),
    ).toEqual([
      { key: '2', rowNo: 0, column: 'file', message: '请选择文件' },
      { key: '1', rowNo: 3, column: '身份证号', message: '校验失败' },
      { key: '0', rowNo: 5, column: '手机号', message: '手机号应为 11 位' },
    ]);
  });
});

describe('scope picker rules', () => {
  it('allows only the levels that fit the role', () => {
    expect(levelsFor(grantable, 'resident')).toEqual(['building', 'house']);
    expect(selectableLevel(grantable, 'grid_worker', 'community')).toBe(false);
    expect(selectableLevel(grantable, 'grid_worker', 'grid')).toBe(true);
    expect(levelsFor(grantable, 'street_admin')).toEqual([]);
  });
  it('stops expanding below the deepest level the role may sit on', () => {
    expect(mayHoldSelectable(grantable, 'grid_worker', 'community')).toBe(true);
    expect(mayHoldSelectable(grantable, 'grid_worker', 'grid')).toBe(false);
    expect(mayHoldSelectable(grantable, 'resident', 'building')).toBe(true);
    expect(mayHoldSelectable(grantable, undefined, 'district')).toBe(false);
  });
  it('offers the departments serving the chosen street', () => {
    expect(departmentsFor(grantable, 2).map((d) => d.name)).toEqual(['城管中队']);
    expect(departmentsFor(grantable, undefined)).toEqual([]);
  });
  it('shows the server reason for a weak password', () => {
    expect(
      passwordReason([{ path: 'newPassword', message: '密码不能包含用户名或姓名' }], 'newPassword', '密码强度不足'),
    ).toBe('密码不能包含用户名或姓名');
    expect(passwordReason([], 'newPassword', '密码强度不足')).toBe('密码强度不足');
  });
});
