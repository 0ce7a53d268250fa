import { formulaVersionLabel } from '../../../../contracts/rating-labels.ts';
import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, InputNumber, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchStarConfig, saveStarConfig } from '../api';
import { formulaWithWeights, weightShares } from '../star-formula';
import { STAR_INDICATOR_LABELS, type Indicator } from '../types';

/** Every indicator the formula knows, with the default target offered when one is switched on. */
const ALL_KEYS = Object.keys(STAR_INDICATOR_LABELS);
const DEFAULT_TARGETS: Record<string, number> = {
  cases_handled: 50,
  on_time_rate: 0.9,
  meeting_attendance: 0.8,
  member_points: 100,
  wishes_fulfilled: 20,
};
const RATES = new Set(['on_time_rate', 'meeting_attendance']);

/**
 * 评星指标配置: the street's indicators, weights and targets, with the formula written out as the
 * next run will compute it. Street and district staff edit; community staff see what applies.
 */
export function StarConfigCard({ streetId }: { streetId: number }) {
  const { message } = App.useApp();
  const config = useAsync((s) => fetchStarConfig(streetId, s), [streetId]);
  const [draft, setDraft] = useState<Indicator[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (config.data) setDraft(config.data.data.indicators);
  }, [config.data]);
  if (config.error) return <ErrorAlert error={config.error} onRetry={config.reload} />;
  if (!config.data) return <Skeleton active />;
  const canEdit = config.data.abilities.includes('compute');
  const shares = weightShares(draft);
  const set = (key: string, patch: Partial<Indicator> | null) =>
    setDraft((d) => {
      const rest = d.filter((i) => i.key !== key);
      if (patch === null) return rest;
      const current = d.find((i) => i.key === key) ?? { key, weight: 10, target: DEFAULT_TARGETS[key] ?? 1 };
      return ALL_KEYS.flatMap((k) => (k === key ? [{ ...current, ...patch }] : rest.filter((i) => i.key === k)));
    });
  const save = async () => {
    setBusy(true);
    try {
      await saveStarConfig(streetId, draft);
      message.success('指标配置已保存，下次计算按新权重');
      config.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const rows = ALL_KEYS.map((key) => ({ key, indicator: draft.find((i) => i.key === key) }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {config.data.data.isDefault && <Tag>当前使用默认配置</Tag>}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '指标',
            dataIndex: 'key',
            render: (k: string, r) => (
              <Checkbox
                checked={Boolean(r.indicator)}
                disabled={!canEdit}
                onChange={(e) => set(k, e.target.checked ? {} : null)}
              >
                {STAR_INDICATOR_LABELS[k]}
              </Checkbox>
            ),
          },
          {
            title: '权重',
            render: (_, r) =>
              r.indicator && (
                <InputNumber
                  min={0}
                  max={100}
                  value={r.indicator.weight}
                  disabled={!canEdit}
                  onChange={(v) => set(r.key, { weight: v ?? 0 })}
                />
              ),
          },
          { title: '占比', render: (_, r) => (r.indicator ? `${shares[r.key]}%` : '') },
          {
            title: '目标值（达到即满分）',
            render: (_, r) =>
              r.indicator && (
                <InputNumber
                  min={0.01}
                  step={RATES.has(r.key) ? 0.05 : 1}
                  value={r.indicator.target}
                  disabled={!canEdit}
                  onChange={(v) => v && set(r.key, { target: v })}
                />
              ),
          },
        ]}
      />
      <Alert
        type="info"
        showIcon
        title={`计算公式（${formulaVersionLabel(config.data.data.formula.version)}）`}
        description={
          <Space direction="vertical">
            <Typography.Text>{config.data.data.formula.text}</Typography.Text>
            <Typography.Text strong data-testid="formula-with-weights">
              {formulaWithWeights(draft)}
            </Typography.Text>
          </Space>
        }
      />
      {canEdit && (
        <Button type="primary" loading={busy} disabled={!draft.some((i) => i.weight > 0)} onClick={save}>
          保存配置
        </Button>
      )}
    </Space>
  );
}
