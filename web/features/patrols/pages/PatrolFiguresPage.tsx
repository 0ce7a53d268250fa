import { Card, Col, Row, Space, Spin, Statistic } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { useEchart } from '../../../shared/use-echart';
import { fetchFigures, fetchPlan, type PatrolPlanDetail } from '../api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

function RouteChart({ plan }: { plan: PatrolPlanDetail }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['签到人次', '发现问题'] },
      grid: { left: 40, right: 16, bottom: 40, top: 40 },
      xAxis: { type: 'category', data: plan.route.map((r) => r.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '签到人次', type: 'bar', data: plan.route.map((r) => r.checkIns) },
        { name: '发现问题', type: 'bar', data: plan.route.map((r) => r.findings) },
      ],
    }),
    [plan],
  );
  const ref = useEchart(echarts, option);
  return <div ref={ref} style={{ height: 280 }} aria-label="各网格签到与发现问题" />;
}

/** 巡查成效: members, grids covered, check-ins, findings and how their cases ended. */
export default function PatrolFiguresPage() {
  const id = Number(useParams().id);
  const figures = useAsync((signal) => fetchFigures(id, signal), [id]);
  const plan = useAsync((signal) => fetchPlan(id, signal), [id]);
  const error = figures.error ?? plan.error;
  if (error) return <ErrorAlert error={error} onRetry={figures.reload} />;
  if (!figures.data || !plan.data) return <Spin />;
  const f = figures.data;
  const stats: [string, number | string][] = [
    ['参加成员', f.members],
    ['参加职能部门', f.departments],
    ['网格覆盖', `${f.gridsCovered} / ${f.gridsPlanned}`],
    ['签到人次', f.checkIns],
    ['发现问题', f.findings],
    ['转为案件', f.casesCreated],
    ['已办结', f.casesClosed],
    ['按时办结', f.casesClosedOnTime],
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`巡查成效：${plan.data.title}`} extra={<Link to={`/patrols/${id}`}>返回详情</Link>}>
        <Row gutter={[16, 16]}>
          {stats.map(([label, value]) => (
            <Col key={label} xs={12} md={6}>
              <Statistic title={label} value={value} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card title="各网格签到与发现问题">
        <RouteChart plan={plan.data} />
      </Card>
    </Space>
  );
}
