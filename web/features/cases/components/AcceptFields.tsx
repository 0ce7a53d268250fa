import { Form, Select, Space, Tag, Typography } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchGridsOf } from '../api';
import type { CaseDetail, Suggestion } from '../types';
import { CategoryCascader } from './CategoryCascader';

const percent = (c: number) => `${Math.round(c * 100)}%`;

/**
 * 立案: the category decides the time limits and the responsible department, so it is required
 * here; an address-only case also gets its grid now, chosen by the dispatcher. The suggestion's
 * three likeliest categories are one click each; the percentages are calibrated, not scores.
 */
export function AcceptFields({ detail, suggestion }: { detail: CaseDetail; suggestion: Suggestion | null }) {
  const form = Form.useFormInstance();
  const chosen = Form.useWatch<number | undefined>('categoryId', form);
  const needsGrid = !detail.grid;
  const grids = useAsync(
    (signal) => (needsGrid ? fetchGridsOf(detail.community.id, signal) : Promise.resolve([])),
    [detail.community.id, needsGrid],
  );
  const candidates = suggestion?.categories ?? [];

  return (
    <>
      <Form.Item
        name="categoryId"
        label="案件类别"
        rules={[{ required: true, message: '立案时必须确定案件类别' }]}
        extra={
          candidates.length > 0 && (
            <Space size={4} wrap aria-label="系统建议类别">
              <Typography.Text type="secondary">系统建议：</Typography.Text>
              {candidates.map((c) => (
                <Tag.CheckableTag
                  key={c.categoryId}
                  checked={chosen === c.categoryId}
                  onChange={() => form.setFieldValue('categoryId', c.categoryId)}
                >
                  {c.name} {percent(c.confidence)}
                </Tag.CheckableTag>
              ))}
            </Space>
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
