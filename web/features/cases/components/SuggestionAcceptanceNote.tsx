import { Tooltip, Typography } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchSuggestionAcceptance } from '../api';

/** 采纳率: how often dispatchers kept the suggested category at 立案 — whether the suggestion earns its place. */
export function SuggestionAcceptanceNote() {
  const { data } = useAsync((signal) => fetchSuggestionAcceptance(signal).catch(() => null), []);
  if (!data) return null;
  const text =
    data.rate === null
      ? `智能分类建议采纳率（近 ${data.days} 天）：暂无数据`
      : `智能分类建议采纳率（近 ${data.days} 天）：${Math.round(data.rate * 100)}%（${data.taken}/${data.suggested} 件立案采用首选类别，派遣时更正 ${data.reclassified} 次）`;
  return (
    <Tooltip title="立案时选定的类别与系统建议的首选类别一致的比例；低于预期时请反馈，模型会随更正自动重新学习。">
      <Typography.Text type="secondary" data-testid="suggestion-acceptance">
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
