import { useId, useState } from 'react';
import { scenarioToJson } from '../../scenario/json';
import { useSimStore, useSim } from '../../store/react';
import type { GraphView } from '../../view/graphView';
import { stepSentence } from '../../store/pseudocode';
import { svgToPng } from '../../view/slidePng';
import { graphSvg } from '../../view/svgExport';
import { fileStem, saveBlob, saveText } from './downloads';

/**
 * Files: the scenario and the whole trace as JSON, the graph as PNG and SVG, and a scenario (or trace)
 * file to open, by picker here or dropped anywhere on the page.
 */
export function FilesPanel({
  view,
  includeStep,
  onFile,
  onExportTrace,
  exporting,
}: {
  view: { current: GraphView | null };
  includeStep: boolean;
  onFile: (file: File) => void;
  /** Starts the trace export, written in slices with its progress and Cancel beside the header. */
  onExportTrace: () => void;
  exporting: boolean;
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

  /** The current step as a slide: the graph, the messages in flight, the step's number and sentence. */
  const slide = () => {
    const v = view.current;
    return v ? graphSvg(v.slide(stepSentence(store.getState()))) : null;
  };

  const exportPng = async () => {
    const svg = slide();
    if (!svg) return setNote('The graph is not shown, so there is nothing to save.');
    const s = store.getState();
    try {
      saveBlob(`${fileStem(s.scenario)}-step${s.cursor}.png`, await svgToPng(svg));
      setNote('Picture saved (PNG).');
    } catch (e) {
      setNote(`The picture could not be saved: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

  const exportSvg = () => {
    const svg = slide();
    if (!svg) return setNote('The graph is not shown, so there is nothing to save.');
    const s = store.getState();
    saveText(`${fileStem(s.scenario)}-step${s.cursor}.svg`, svg, 'image/svg+xml');
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
        <button
          type="button"
          onClick={onExportTrace}
          disabled={exporting}
          title={exporting ? 'The trace is being exported' : 'The whole run, one step a line'}
        >
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
