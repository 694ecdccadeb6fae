import { useCallback, useEffect, useRef, useState } from 'react';
import { shelfOfAlgorithm } from '../../scenario/presets';
import { salvage } from '../../scenario/salvage';
import { useSimStore, useSim } from '../../store/react';
import type { GraphView } from '../../view/graphView';
import { useScreens } from '../Screens';
import type { Problem } from './check';
import { DropZone } from './DropZone';
import { problemDraft } from './editorDraft';
import { FilesPanel } from './FilesPanel';
import { PresetsGallery } from './PresetsGallery';
import { ProblemAlert } from './ProblemAlert';
import { fileStem, saveBlob } from './downloads';
import { MAX_TRACE_FILE, readFileText, type Reading } from './readLarge';
import { exportTrace, type ExportProgress, type TraceExport } from './writeLarge';
import { SharePanel } from './SharePanel';
import { startUrlSync, type UrlSync } from './urlSync';
import './links.css';

type Panel = 'presets' | 'share' | 'files';
const TITLES: Record<Panel, string> = { presets: 'Presets', share: 'Share', files: 'Files' };
type Shown = { problem: Problem; fallback: 'default' | 'previous' } | null;

/** A file that is not even read: too big, or unreadable. */
function unreadable(name: string, message: string): Problem {
  return {
    source: 'file',
    what: name,
    errors: [{ field: 'file', message }],
    salvaged: salvage({}),
    given: null,
  };
}

/**
 * Links, presets and files, in the header: keeps the URL in step with the run (urlSync), opens
 * presets, shares links, saves and opens files, and reports any link or file that cannot run without
 * losing the run on screen. `data-trace-hash` holds the finished run's trace hash (the CLI's).
 */
export function ShareTools({ view }: { view: { current: GraphView | null } }) {
  const store = useSimStore();
  const [open, setOpen] = useState<Panel | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [includeStep, setIncludeStep] = useState(true);
  const sync = useRef<UrlSync | null>(null);
  const screens = useScreens();
  const root = useRef<HTMLDivElement>(null);
  const run = useSim((s) => s.run);
  const complete = useSim((s) => s.complete);
  const traceHash = complete ? run.sim.traceHash() : '';
  const showing = `${run.sim.algorithm.name} on ${run.sim.n} nodes`;

  useEffect(() => {
    const s = startUrlSync(store, {
      onProblem: (problem, fallback) => setShown({ problem, fallback }),
      onLoaded: () => setShown(null),
    });
    sync.current = s;
    return () => {
      s.stop();
      sync.current = null;
    };
  }, [store]);

  // Escape or a click elsewhere closes the open panel.
  useEffect(() => {
    if (!open) return;
    const key = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(null);
    const down = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('keydown', key);
    window.addEventListener('pointerdown', down);
    return () => {
      window.removeEventListener('keydown', key);
      window.removeEventListener('pointerdown', down);
    };
  }, [open]);

  /** A long file being read in slices: its name and how much is read (readLarge.ts). */
  const [reading, setReading] = useState<{ name: string; fraction: number } | null>(null);
  const pending = useRef<Reading | null>(null);
  useEffect(() => () => pending.current?.cancel(), []);

  const openFile = useCallback(
    async (file: File) => {
      pending.current?.cancel();
      pending.current = null;
      setReading(null);
      let problem: Problem | null = null;
      if (file.size > MAX_TRACE_FILE)
        problem = unreadable(
          file.name,
          `the file is ${file.size.toLocaleString('en-US')} bytes; at most ${MAX_TRACE_FILE.toLocaleString('en-US')} are read`,
        );
      else {
        let text: string | null = null;
        try {
          text = await file.text();
        } catch {
          problem = unreadable(file.name, 'the browser could not read the file');
        }
        if (text !== null) {
          const r = readFileText(text, file.name, (fraction) => setReading({ name: file.name, fraction }));
          pending.current = r;
          const checked = await r.done;
          if (pending.current !== r) return;
          pending.current = null;
          setReading(null);
          if (checked.ok) {
            store.getState().load(checked.scenario);
            setOpen(null);
            return;
          }
          problem = checked.problem;
        }
      }
      if (problem) setShown({ problem, fallback: 'previous' });
    },
    [store],
  );
  const onFile = useCallback((file: File) => void openFile(file), [openFile]);

  /** The trace being exported (writeLarge.ts), and what the last export came to. */
  const [exporting, setExporting] = useState<ExportProgress | null>(null);
  const [exported, setExported] = useState('');
  const exportJob = useRef<TraceExport | null>(null);
  useEffect(() => () => exportJob.current?.cancel(), []);
  useEffect(() => {
    if (!exported) return;
    const t = setTimeout(() => setExported(''), 12_000);
    return () => clearTimeout(t);
  }, [exported]);
  const startExport = useCallback(async () => {
    exportJob.current?.cancel();
    setExported('');
    const job = exportTrace(store, setExporting);
    exportJob.current = job;
    const name = `${fileStem(store.getState().scenario)}.trace.json`;
    const r = await job.done;
    if (exportJob.current === job) exportJob.current = null;
    setExporting(null);
    if (r.ok) {
      saveBlob(name, r.blob);
      setExported(`Trace saved: ${r.steps.toLocaleString('en-US')} steps.`);
    } else setExported(`Trace export stopped: ${r.reason}.`);
  }, [store]);

  const openInEditor = () => {
    if (!shown) return;
    const st = store.getState();
    const { draft, errors } = problemDraft(shown.problem, st.draft);
    st.setDraft(draft);
    store.setState({
      errors,
      notice: `From the ${shown.problem.source}: fix the marked fields, then press Apply.`,
    });
    setShown(null);
    // After the editor has re-rendered with the fields marked: put the cursor in the first one to fix.
    requestAnimationFrame(() => {
      const editor = document.querySelector<HTMLFormElement>('form[aria-label="Scenario editor"]');
      const target =
        editor?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        editor?.querySelector<HTMLElement>('select, input, textarea');
      target?.focus();
    });
  };

  const toggle = (p: Panel) => setOpen((o) => (o === p ? null : p));

  return (
    <div className="share-tools" ref={root} data-trace-hash={traceHash} data-testid="share-tools">
      {(['presets', 'share', 'files'] as const).map((p) => (
        <button
          key={p}
          type="button"
          aria-expanded={open === p}
          aria-controls={`share-tools-${p}`}
          onClick={() => toggle(p)}
        >
          {TITLES[p]}
        </button>
      ))}
      {open && (
        <section
          id={`share-tools-${open}`}
          className={`share-popover popover-${open}`}
          role="dialog"
          aria-label={TITLES[open]}
        >
          <div className="popover-head">
            <h2>{open === 'presets' ? 'Presets: scenarios worth watching' : TITLES[open]}</h2>
            <button type="button" onClick={() => setOpen(null)} title="Close (Esc)">
              Close
            </button>
          </div>
          {open === 'presets' && (
            <PresetsGallery
              initial={shelfOfAlgorithm(run.scenario.algorithm)}
              onOpen={(link) => {
                if (sync.current?.open(link)) screens.follow(link);
                setOpen(null);
              }}
            />
          )}
          {open === 'share' && (
            <SharePanel includeStep={includeStep} setIncludeStep={setIncludeStep} traceHash={traceHash} />
          )}
          {open === 'files' && (
            <FilesPanel
              view={view}
              includeStep={includeStep}
              onFile={onFile}
              onExportTrace={() => void startExport()}
              exporting={exporting !== null}
            />
          )}
        </section>
      )}
      {reading && (
        <p className="file-reading" data-testid="file-reading">
          Reading {reading.name}…{' '}
          <progress aria-label="Reading the file" max={100} value={Math.round(reading.fraction * 100)} />{' '}
          {Math.round(reading.fraction * 100)}%
        </p>
      )}
      {exporting && (
        <p className="file-reading" data-testid="trace-export">
          {exporting.phase === 'computing' ? (
            <>
              Exporting the trace: computing the run, {exporting.steps.toLocaleString('en-US')} steps so far…{' '}
              <progress aria-label="Exporting the trace" />
            </>
          ) : (
            <>
              Writing the trace…{' '}
              <progress
                aria-label="Exporting the trace"
                max={100}
                value={Math.round(exporting.fraction * 100)}
              />{' '}
              {Math.round(exporting.fraction * 100)}%
            </>
          )}{' '}
          <button type="button" onClick={() => exportJob.current?.cancel()}>
            Cancel
          </button>
        </p>
      )}
      <p className="export-note" aria-live="polite" data-testid="trace-export-note">
        {exported}
      </p>
      {shown && (
        <ProblemAlert
          problem={shown.problem}
          fallback={shown.fallback}
          showing={showing}
          onEdit={openInEditor}
          onDismiss={() => setShown(null)}
        />
      )}
      <DropZone onFile={onFile} />
    </div>
  );
}
