import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { ALGORITHMS } from '../../algorithms/registry';
import type { AnyModule } from '../../algorithms/contract';
import type { Metric } from '../../experiments/curves';
import { toCsv } from '../../experiments/csv';
import { plotData } from '../../experiments/series';
import { ExperimentChart } from './ExperimentChart';
import { ExperimentForm, FORM_DEFAULTS, specOf, type ExperimentFormValues } from './ExperimentForm';
import { ExperimentProgress } from './ExperimentProgress';
import { ResultsTable } from './ResultsTable';
import { useExperiment } from './useExperiment';
import { SYSTEM_EXPERIMENTS } from '../../experiments/systems';
import { SystemExperimentView } from './SystemExperimentView';
import './experiments.css';

export interface ExperimentsPanelProps {
  /** The algorithms offered (default: the whole registry). */
  algorithms?: readonly AnyModule[];
  /** Starting values of the form (default: LCR and HS, n = 4–64, worst case, sync). */
  initial?: Partial<ExperimentFormValues>;
  /** Makes the Web Worker (tests may pass their own; default: src/experiments/worker.ts). */
  createWorker?: () => Worker;
  /**
   * Runs the starting settings at once, so the screen opens on a plot rather than an empty frame
   * (Cancel stops it; the form can be changed meanwhile).
   */
  autoRun?: boolean;
}

/**
 * The Experiments panel: many headless runs in a Web Worker, plotted against n beside the textbook
 * counts, with the table as CSV and the plot as PNG. The same runs as `sim experiment` on the CLI.
 */
export function ExperimentsPanel({
  algorithms = ALGORITHMS,
  initial,
  createWorker,
  autoRun = false,
}: ExperimentsPanelProps) {
  const titleId = useId();
  const { state, run, cancel } = useExperiment(createWorker);
  // The n-sweep or a systems experiment (C27); each view, once opened, stays mounted (hidden) so its
  // settings and results survive a switch.
  const [choice, setChoice] = useState('sweep');
  const [opened, setOpened] = useState<readonly string[]>([]);
  const choose = (c: string) => {
    setChoice(c);
    if (c !== 'sweep' && !opened.includes(c)) setOpened([...opened, c]);
  };
  const [metric, setMetric] = useState<Metric>('messages');
  const [log, setLog] = useState(false);
  const exportPng = useRef<(() => string | null) | null>(null);
  const csvUrl = useRef<string | null>(null);

  const start = { ...FORM_DEFAULTS, ...initial };
  start.algorithms = start.algorithms.filter((id) => algorithms.some((a) => a.id === id));
  const spec = state.spec;

  // Once, when the panel is first shown; the panel stays mounted (hidden) when the screen changes.
  const started = useRef(false);
  useEffect(() => {
    if (!autoRun || started.current) return;
    started.current = true;
    const r = specOf(start, algorithms);
    if (r.ok) run(r.spec);
    // StrictMode's trial unmount stops the worker (useExperiment): the remount then starts it again.
    return () => {
      started.current = false;
    };
    // The starting settings, once: not again when the form or the algorithms change.
  }, []);
  const plot = useMemo(
    () =>
      plotData(state.rows, {
        metric,
        mode: spec?.mode ?? 'sync',
        announce: spec?.announce ?? true,
      }),
    [state.rows, metric, spec],
  );
  const yLabel = metric === 'messages' ? 'messages' : spec?.mode === 'async' ? 'time' : 'rounds';
  const unfinished = state.rows.filter((r) => !r.terminated).length;

  // Both files are made when the link is followed: the href is set before the browser reads it.
  const downloadCsv = (e: MouseEvent<HTMLAnchorElement>) => {
    if (csvUrl.current) URL.revokeObjectURL(csvUrl.current);
    csvUrl.current = URL.createObjectURL(new Blob([toCsv(state.rows)], { type: 'text/csv' }));
    e.currentTarget.href = csvUrl.current;
  };
  const downloadPng = (e: MouseEvent<HTMLAnchorElement>) => {
    const url = exportPng.current?.() ?? null;
    if (url) e.currentTarget.href = url;
    else e.preventDefault();
  };

  return (
    <section className="exp-panel" aria-labelledby={titleId}>
      <div className="exp-head">
        <h2 id={titleId}>Experiments</h2>
        <label className="exp-choice">
          Experiment
          <select aria-label="Experiment" value={choice} onChange={(e) => choose(e.target.value)}>
            <option value="sweep">Messages and rounds vs n (rings, trees, graphs)</option>
            {SYSTEM_EXPERIMENTS.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {SYSTEM_EXPERIMENTS.filter((x) => opened.includes(x.id)).map((x) => (
        <div key={x.id} hidden={choice !== x.id}>
          <SystemExperimentView exp={x} createWorker={createWorker} />
        </div>
      ))}
      <div className="exp-layout" hidden={choice !== 'sweep'}>
        <ExperimentForm
          algorithms={algorithms}
          initial={start}
          running={state.status === 'running'}
          onRun={run}
          onCancel={cancel}
        />
        <div className="exp-results">
          <ExperimentProgress state={state} />
          {state.status === 'error' && (
            <p role="alert" className="exp-problem">
              {state.error}
            </p>
          )}
          {unfinished > 0 && (
            <p role="alert" className="exp-problem">
              {unfinished} run{unfinished === 1 ? '' : 's'} stopped at the step budget without terminating
              (marked in the table).
            </p>
          )}
          <div className="exp-toolbar">
            <div role="radiogroup" aria-label="Plot">
              {(['messages', 'rounds'] as const).map((m) => (
                <label key={m}>
                  <input
                    type="radio"
                    name={`${titleId}-metric`}
                    checked={metric === m}
                    onChange={() => setMetric(m)}
                  />
                  {m === 'messages' ? 'Messages' : spec?.mode === 'async' ? 'Time' : 'Rounds'}
                </label>
              ))}
            </div>
            <label>
              <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
              Log scale
            </label>
            <a
              href="#csv"
              download="experiment.csv"
              onClick={downloadCsv}
              aria-disabled={state.rows.length === 0}
              className="exp-download"
            >
              Download table (CSV)
            </a>
            <a
              href="#png"
              download="experiment.png"
              onClick={downloadPng}
              aria-disabled={state.rows.length === 0}
              className="exp-download"
            >
              Download plot (PNG)
            </a>
          </div>
          <figure
            className="exp-figure"
            aria-label={`${yLabel} against n`}
            // what the chart plots, for tests and scripts; left out while rows stream in
            data-plot={state.status === 'running' ? undefined : JSON.stringify(plot)}
            data-rows={state.rows.length}
          >
            <ExperimentChart plot={plot} yLabel={yLabel} log={log} exportRef={exportPng} />
            <figcaption>
              Points: measured runs (hollow: the least and most over seeds of a randomized algorithm). Solid
              lines: exact textbook counts; dashed: bounds; dotted: means (over all rings, or over the random
              draws).
            </figcaption>
          </figure>
          <ResultsTable rows={state.rows} />
        </div>
      </div>
    </section>
  );
}
