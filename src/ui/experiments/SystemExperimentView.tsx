import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { systemPlot } from '../../experiments/system-plot';
import { aggregate, systemCsv } from '../../experiments/system-table';
import { defaultSystemSpec, type SystemExperiment } from '../../experiments/systems';
import { ExperimentProgress } from './ExperimentProgress';
import { SystemChart } from './SystemChart';
import { SystemForm } from './SystemForm';
import { SystemTable } from './SystemTable';
import { useSystemExperiment } from './useSystemExperiment';

export interface SystemExperimentViewProps {
  exp: SystemExperiment;
  createWorker?: (() => Worker) | undefined;
}

/**
 * One systems experiment (C27): its settings, then a figure plotted against the varied parameter with
 * its values under the pointer, then the table — the same points `sim experiment --preset` prints.
 */
export function SystemExperimentView({ exp, createWorker }: SystemExperimentViewProps) {
  const id = useId();
  const { state, run, cancel } = useSystemExperiment(createWorker);
  const [figure, setFigure] = useState(exp.figures[0]!.key);
  const csvUrl = useRef<string | null>(null);
  const spec = state.spec;
  const points = useMemo(() => aggregate(state.rows), [state.rows]);
  const plot = useMemo(() => (spec ? systemPlot(spec, points, figure) : null), [spec, points, figure]);

  // The preset's own settings run as soon as it is first chosen, so it opens on its plot (as the
  // n-sweep does); Cancel stops it and Run replaces it.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    run(defaultSystemSpec(exp));
    // StrictMode's trial unmount stops the worker (useWorkerRuns): the remount starts it again.
    return () => {
      started.current = false;
    };
    // Once, when first shown: not again when the form changes.
  }, []);

  const downloadCsv = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!spec) return e.preventDefault();
    if (csvUrl.current) URL.revokeObjectURL(csvUrl.current);
    csvUrl.current = URL.createObjectURL(new Blob([systemCsv(spec, points)], { type: 'text/csv' }));
    e.currentTarget.href = csvUrl.current;
  };

  return (
    <div className="exp-layout exp-system" data-preset={exp.id}>
      <SystemForm exp={exp} running={state.status === 'running'} onRun={run} onCancel={cancel} />
      <div className="exp-results">
        <ExperimentProgress state={state} />
        {state.status === 'error' && (
          <p role="alert" className="exp-problem">
            {state.error}
          </p>
        )}
        <div className="exp-toolbar">
          <div role="radiogroup" aria-label="Plot">
            {exp.figures.map((f) => (
              <label key={f.key}>
                <input
                  type="radio"
                  name={`${id}-figure`}
                  checked={figure === f.key}
                  onChange={() => setFigure(f.key)}
                />
                {f.label}
              </label>
            ))}
          </div>
          <a
            href="#csv"
            download={`${exp.id}.csv`}
            onClick={downloadCsv}
            aria-disabled={points.length === 0}
            className="exp-download"
          >
            Download table (CSV)
          </a>
        </div>
        <figure
          className="exp-figure"
          aria-label={plot ? `${plot.yTitle} against ${plot.xTitle}` : exp.title}
          data-plot={state.status === 'running' || !plot ? undefined : JSON.stringify(plot)}
          data-rows={state.rows.length}
        >
          {plot ? (
            <SystemChart plot={plot} varyName={spec!.vary} />
          ) : (
            <p className="exp-empty">
              Press Run experiment to plot {exp.figures[0]!.label} against {exp.vary.name}.
            </p>
          )}
          <figcaption>
            Filled points joined by a line: the figure (the mean over the seeds where the seed changes the
            run); hollow points: the least and the most over the seeds.
          </figcaption>
        </figure>
        {spec && <SystemTable spec={spec} points={points} />}
      </div>
    </div>
  );
}
