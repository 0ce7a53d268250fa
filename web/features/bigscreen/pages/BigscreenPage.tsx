import { useCallback, useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { useLiveEvents } from '../../cases/live';
import { fetchBase, fetchCases } from '../api';
import { BigscreenMap } from '../components/BigscreenMap';
import { CasePanels } from '../components/CasePanels';
import { Chart } from '../components/Chart';
import { Figure, Panel } from '../components/Panel';
import { RightPanels } from '../components/RightPanels';
import { trendOption } from '../options';
import '../bigscreen.css';

/** Bursts of case events (a dispatch touches several) are refetched once. */
const LIVE_DEBOUNCE_MS = 800;

/** The 1920×1080 command screen: drill-down street → community → grid changes every panel. */
export default function BigscreenPage() {
  const [trail, setTrail] = useState<{ id: number; name: string }[]>([]);
  const nodeId = trail.at(-1)?.id ?? null;
  const base = useAsync((signal) => fetchBase(nodeId, signal), [nodeId]);
  const cases = useAsync((signal) => fetchCases(nodeId, signal), [nodeId]);

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reloadCases = cases.reload;
  useLiveEvents(
    ['case.changed', 'case.reported'],
    useCallback(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(reloadCases, LIVE_DEBOUNCE_MS);
    }, [reloadCases]),
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  const b = base.data;
  const c = cases.data;
  const drill = (id: number, name: string) => setTrail((t) => [...t, { id, name }]);
  const gridName = (id: number) => b?.children.find((n) => n.id === id)?.name ?? '网格';

  return (
    <div className="bs-screen" data-testid="bigscreen">
      <header className="bs-header">
        <nav className="bs-trail" aria-label="下钻路径">
          {/* The screen has no app menu of its own: this is the way back. */}
          <a href="/" title="返回工作台">
            ⌂
          </a>
          <button type="button" onClick={() => setTrail([])}>
            {trail.length ? '返回顶层' : (b?.node.name ?? '')}
          </button>
          {trail.map((n, i) => (
            <button type="button" key={n.id} onClick={() => setTrail((t) => t.slice(0, i + 1))}>
              › {n.name}
            </button>
          ))}
        </nav>
        <h1>{b?.node.name ?? ''} 党建引领网格化治理指挥大屏</h1>
        <div className="bs-children">
          {b?.children.map((n) => (
            <button type="button" key={n.id} onClick={() => drill(n.id, n.name)}>
              {n.name}
            </button>
          ))}
        </div>
      </header>
      {base.error || cases.error ? <ErrorAlert error={base.error ?? cases.error} /> : null}
      {!b || !c ? (
        <Spin size="large" className="bs-loading" />
      ) : (
        <main className="bs-grid">
          <div className="bs-col">
            <Panel title="基础数据" testId="panel-counts">
              <div className="bs-figures bs-figures-3">
                <Figure label="实有人口" value={b.counts.population} />
                <Figure label="户数" value={b.counts.households} />
                <Figure label="法人单位" value={b.counts.entities} />
                <Figure label="党员" value={b.counts.members} />
                <Figure label="志愿者" value={b.counts.volunteers} />
                <Figure label="网格" value={b.counts.grids} />
              </div>
            </Panel>
            <CasePanels cases={c} />
          </div>
          <div className="bs-col bs-centre">
            <Panel title="网格地图" className="bs-map">
              <BigscreenMap nodeId={b.node.id} onGrid={(id) => b.node.level !== 'grid' && drill(id, gridName(id))} />
            </Panel>
            <Panel title="近12个月趋势" testId="panel-trend" className="bs-trend">
              <Chart option={trendOption(c.trend)} label="近12个月案件趋势" />
            </Panel>
          </div>
          <div className="bs-col">
            <RightPanels cases={c} base={b} />
          </div>
        </main>
      )}
    </div>
  );
}
