import { Form, Select, Typography } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchGridsOf } from '../api';
import type { CaseDetail, Suggestion } from '../types';
import { CategoryCascader } from './CategoryCascader';

/**
 * 立案: the category decides the time limits and the responsible department, so it is required
 * here; an address-only case also gets its grid now, chosen by the dispatcher.
 */
export function AcceptFields({ detail, suggestion }: { detail: CaseDetail; suggestion: Suggestion | null }) {
  const needsGrid = !detail.grid;
  const grids = useAsync((signal) => (needsGrid ? fetchGridsOf(detail.community.id, signal) : Promise.resolve([])), [detail.community.id, needsGrid]);
  const suggested = suggestion?.category;

  return (
    <>
      <Form.Item
        name="categoryId"
        label="案件类别"
        rules={[{ required: true, message: '立案时必须确定案件类别' }]}
        extra={
          suggested && (
            <Typography.Text type="secondary">
              系统建议：{suggested.name}（置信度 {Math.round(suggested.confidence * 100)}%）
            </Typography.Text>
          )
        }
      >
        <CategoryCascader />
      </Form.Item>
      {needsGrid && (
        <Form.Item name="gridId" label="所属网格" extra="该案件只有地址，请指定网格">
          <Select
            aria-label="所属网格"
            allowClear
            loading={grids.loading}
            placeholder="选择网格"
            options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}
