import { useState } from 'react';
import { Card, Empty, Space, Tabs } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { streetIdOf } from '../breakdown';
import { DepartmentVoteCard } from '../components/DepartmentVoteCard';
import { RunPanel } from '../components/RunPanel';
import { ScoreResults } from '../components/ScoreResults';
import { StarConfigCard } from '../components/StarConfigCard';
import { StarResults } from '../components/StarResults';
import { StreetPicker } from '../components/StreetPicker';
import { TwoColourList } from '../components/TwoColourList';

/** 考评: branch stars, red property list, department ratings — each reproducible from its stored inputs. */
export default function RatingsPage() {
  const me = useMe();
  const [picked, setPicked] = useState<number | null>(null);
  const streetId = streetIdOf(me.scope?.path) ?? picked;
  const canVote = me.abilities.includes('ratings.vote') && me.scope?.level === 'community';
  const tabs = streetId
    ? [
        {
          key: 'star',
          label: '支部评星定级',
          children: (
            <RunPanel streetId={streetId} kind="branch_star">
              {(run, abilities, reload) => (
                <StarResults run={run} canAdjust={abilities.includes('adjust')} onChanged={reload} />
              )}
            </RunPanel>
          ),
        },
        { key: 'star-config', label: '评星指标配置', children: <StarConfigCard streetId={streetId} /> },
        {
          key: 'property',
          label: '红色物业',
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <TwoColourList streetId={streetId} />
              <RunPanel streetId={streetId} kind="property_month">
                {(run) => <ScoreResults results={run.results} kind="property_month" />}
              </RunPanel>
            </Space>
          ),
        },
        {
          key: 'department',
          label: '职能部门考评',
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              {canVote && <DepartmentVoteCard />}
              <RunPanel streetId={streetId} kind="department_year">
                {(run) => <ScoreResults results={run.results} kind="department_year" />}
              </RunPanel>
            </Space>
          ),
        },
      ]
    : [];
  return (
    <Card title="考评" extra={<StreetPicker value={picked} onChange={setPicked} />}>
      {streetId ? <Tabs items={tabs} /> : <Empty description="请选择街道" />}
    </Card>
  );
}
