import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MAX_LINK } from '../../scenario/url';
import { useSim } from '../../store/react';
import { fmt } from '../format';
import { copyText } from './clipboard';
import { linkText } from './linkText';

type Copy = 'idle' | 'copied' | 'manual';

/** The page address without its hash: where a shared link opens. */
const base = () => location.href.replace(/#.*$/, '');

/**
 * Share: the link to this run (optionally at this step), a Copy link button that says "Copied" or,
 * where the browser refuses the clipboard, selects the link for Ctrl+C, and the same run as a CLI
 * command with the trace hash both print.
 */
export function SharePanel({
  includeStep,
  setIncludeStep,
  traceHash,
}: {
  includeStep: boolean;
  setIncludeStep: (v: boolean) => void;
  traceHash: string;
}) {
  const scenario = useSim((s) => s.scenario);
  const cursor = useSim((s) => s.cursor);
  const step = includeStep ? cursor : 0;
  const body = useMemo(() => linkText(scenario, step), [scenario, step]);
  const link = `${base()}#${body}`;
  const tooLong = link.length > MAX_LINK;
  const [copy, setCopy] = useState<Copy>('idle');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  // The feedback belongs to the link it was about.
  useEffect(() => setCopy('idle'), [body]);
  useEffect(() => {
    if (copy !== 'copied') return;
    const t = setTimeout(() => setCopy('idle'), 4000);
    return () => clearTimeout(t);
  }, [copy]);

  const onCopy = async () => {
    if (await copyText(link)) setCopy('copied');
    else {
      setCopy('manual');
      input.current?.focus();
      input.current?.select();
    }
  };

  const cli = `npm run --silent sim -- --url '#${linkText(scenario, 0)}' --json`;
  return (
    <div className="share-panel">
      <label className="check">
        <input type="checkbox" checked={includeStep} onChange={(e) => setIncludeStep(e.target.checked)} />{' '}
        Link to this step (step {fmt(cursor)})
      </label>
      <label htmlFor={`${id}-link`} className="small-label">
        Link
      </label>
      <input
        id={`${id}-link`}
        ref={input}
        className="link-text"
        type="text"
        readOnly
        value={tooLong ? '' : link}
        onFocus={(e) => e.target.select()}
        aria-describedby={`${id}-fb`}
      />
      <div className="row">
        <button type="button" onClick={() => void onCopy()} disabled={tooLong}>
          Copy link
        </button>
        <span id={`${id}-fb`} className={`copy-feedback ${copy}`} aria-live="polite">
          {tooLong
            ? `This scenario makes a link of ${fmt(link.length)} characters (more than ${fmt(MAX_LINK)}): share the scenario file instead (Files → Export scenario).`
            : copy === 'copied'
              ? 'Copied'
              : copy === 'manual'
                ? 'The browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac).'
                : ''}
        </span>
      </div>
      <label htmlFor={`${id}-cli`} className="small-label">
        The same run in a terminal
      </label>
      <input
        id={`${id}-cli`}
        className="link-text"
        type="text"
        readOnly
        value={cli.length > 2000 ? 'too long for a command line: export the scenario file' : cli}
        onFocus={(e) => e.target.select()}
      />
      <p className="hint">
        Trace hash <code data-testid="trace-hash">{traceHash || 'computing…'}</code> — the CLI prints the same
        for this link.
      </p>
    </div>
  );
}
