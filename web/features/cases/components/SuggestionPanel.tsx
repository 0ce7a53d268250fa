import { Alert, Space, Tag } from 'antd';
import type { Suggestion } from '../types';

const percent = (c: number) => `${Math.round(c * 100)}%`;

/** What the installation's past cases suggest; the dispatcher decides (the dialogs prefill it). */
export function SuggestionPanel({ suggestion }: { suggestion: Suggestion }) {
  const { categories, handler, duplicates } = suggestion;
  if (!categories.length && !handler && !duplicates.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      title="智能建议（仅供参考）"
      description={
        <Space orientation="vertical" size={4}>
          {categories.length > 0 && (
            <span>
              建议类别：
              {categories.map((c) => (
                <Tag key={c.categoryId}>
                  {c.name} {percent(c.confidence)}
                </Tag>
              ))}
            </span>
          )}
          {handler && (
            <span>
              建议承办：<Tag>{handler.name}</Tag>置信度 {percent(handler.confidence)}
            </span>
          )}
          {duplicates.length > 0 && (
            <span>
              疑似重复：
              {duplicates.map((d) => (
                <Tag key={d.id}>
                  {d.caseNo} {d.title}（{Math.round(d.distanceM)} 米，相似度 {percent(d.similarity)}）
                </Tag>
              ))}
            </span>
          )}
        </Space>
      }
    />
  );
}
