import { useId, useState } from 'react';
import { scenarioToJson } from '../../scenario/json';
import { traceToJson } from '../../scenario/trace';
import { useSimStore, useSim } from '../../store/react';
import type { GraphView } from '../../view/graphView';
import { graphSvg, snapshotOf } from '../../view/svgExport';
import { fileStem, saveBlob, saveText } from './downloads';

/**
 * Files: the scenario and the whole trace as JSON, the graph as PNG and SVG, and a scenario (or trace)
 * file to open, by picker here or dropped anywhere on the page.
 */
export function FilesPanel({
  view,
  includeStep,
  onFile,
}: {
  view: { current: GraphView | null };
  includeStep: boolean;
  onFile: (file: File) => void;
}) {
  const store = useSimStore();
  const cursor = useSim((s) => s.cursor);
  const [note, setNote] = useState('');
  const id = useId();

  const exportScenario = () => {
    const s = store.getState();
    const scenario = includeStep && s.cursor > 0 ? { ...s.scenario, step: s.cursor } : s.scenario;
    saveText(`${fileStem(s.scenario)}.scenario.json`, scenarioToJson(scenario), 'application/json');
    setNote('Scenario saved.');
  };

  const exportTrace = () => {
    // The whole run, not the part computed so far (the browser keeps at most BROWSER_MAX_STEPS).
    store.getState().finishComputing();
    const s = store.getState();
    saveText(`${fileStem(s.scenario)}.trace.json`, traceToJson(s.run.sim, s.scenario), 'application/json');
    setNote(`Trace saved: ${s.run.sim.step.toLocaleString('en-US')} steps.`);
  };

  const exportPng = async () => {
    const cy = view.current?.cy;
    if (!cy) return setNote('The graph is not shown, so there is nothing to save.');
    const s = store.getState();
    const blob = await cy.png({
      output: 'blob-promise',
      full: true,
      scale: 2,
      bg: '#ffffff',
      maxWidth: 6000,
      maxHeight: 6000,
    });
    saveBlob(`${fileStem(s.scenario)}-step${s.cursor}.png`, blob);
    setNote('Picture saved (PNG).');
  };

  const exportSvg = () => {
    const cy = view.current?.cy;
    if (!cy) return setNote('The graph is not shown, so there is nothing to save.');
    const s = store.getState();
    const title = `${s.run.sim.algorithm.name}, ${s.run.sim.n} nodes, step ${s.cursor}`;
    saveText(`${fileStem(s.scenario)}-step${s.cursor}.svg`, graphSvg(snapshotOf(cy, title)), 'image/svg+xml');
    setNote('Picture saved (SVG).');
  };

  return (
    <div className="files-panel">
      <div className="file-buttons">
        <button
          type="button"
          onClick={exportScenario}
          title={includeStep && cursor > 0 ? `Includes step ${cursor}` : 'Without a step'}
        >
          Export scenario (JSON)
        </button>
        <button type="button" onClick={exportTrace}>
          Export trace (JSON)
        </button>
        <button type="button" onClick={() => void exportPng()}>
          Export graph (PNG)
        </button>
        <button type="button" onClick={exportSvg}>
          Export graph (SVG)
        </button>
      </div>
      <label htmlFor={`${id}-file`} className="small-label">
        Import scenario (JSON)
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so that picking the same file again (after fixing it) reads it again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p className="hint">…or drop a scenario or trace file anywhere on the page.</p>
      <p className="hint" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
