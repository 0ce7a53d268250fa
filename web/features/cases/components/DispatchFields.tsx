import { Form, Radio, Select, Typography } from 'antd';
import { DISPATCH_LEVEL_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import { useAsync } from '../../../shared/use-async';
import { fetchDepartments } from '../api';
import type { CaseDetail, DispatchLevel, Suggestion } from '../types';
import { CategoryCascader } from './CategoryCascader';

const LEVELS: DispatchLevel[] = ['grid', 'community', 'street', 'department'];

/**
 * 派遣: inside the grid, the community, the street, or whistle a department (吹哨). The
 * departments are those serving the case's community, its street or the whole district.
 */
export function DispatchFields({ detail, suggestion }: { detail: CaseDetail; suggestion: Suggestion | null }) {
  const level = Form.useWatch<DispatchLevel | undefined>('level');
  const departments = useAsync((signal) => fetchDepartments(detail.community.id, signal), [detail.community.id]);
  const suggested = suggestion?.handler?.level === 'department' ? suggestion.handler : null;

  return (
    <>
      <Form.Item
        name="categoryId"
        label="更正案件类别（可选）"
        extra={`当前类别：${detail.category?.name ?? '未分类'}。类别有误（例如被以"不属本单位职责"退回）时在此更正，时限、默认承办单位随之改变，智能建议也会据此学习。`}
      >
        <CategoryCascader placeholder="不更正则留空" />
      </Form.Item>
      <Form.Item name="level" label="派遣方式" rules={[{ required: true, message: '请选择派遣方式' }]}>
        <Radio.Group
          optionType="button"
          options={LEVELS.map((l) => ({
            value: l,
            label: DISPATCH_LEVEL_LABELS_ZH[l],
            // The server refuses it too: a case without a grid has no grid worker to hand it to.
            disabled: l === 'grid' && !detail.grid,
          }))}
        />
      </Form.Item>
      {level === 'department' && (
        <Form.Item
          name="departmentId"
          label="承办部门"
          rules={[{ required: true, message: '请选择承办部门' }]}
          extra={
            suggested && (
              <Typography.Text type="secondary">
                系统建议：{suggested.name}（置信度 {Math.round(suggested.confidence * 100)}%）
              </Typography.Text>
            )
          }
        >
          <Select
            aria-label="承办部门"
            loading={departments.loading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择职能部门"
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.servesName}）` }))}
          />
        </Form.Item>
      )}
    </>
  );
}
