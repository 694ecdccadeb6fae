import type { Scenario } from '../../scenario/types';
import { linkBody, MAX_LINK } from '../../scenario/url';
import type { SimState, SimStore } from '../../store/simStore';
import { checkLink, type Problem } from './check';
import { linkText } from './linkText';

export interface UrlSyncOptions {
  /** A link (typed, opened, or navigated back to) that cannot be run; the run on screen stays. */
  onProblem(problem: Problem, fallback: 'default' | 'previous'): void;
  /** A new run was loaded, from wherever. */
  onLoaded?(): void;
  /** Fewest milliseconds between two history.replaceState calls (Chromium throttles floods). */
  throttleMs?: number;
}

export interface UrlSync {
  /** Opens a link as navigation does: a new history entry, the scenario at its step. */
  open(link: string): boolean;
  /** Writes any pending step to the address bar now. */
  flush(): void;
  stop(): void;
}

/** The address-bar hash for the store's run at its cursor. */
export function hashOf(s: Pick<SimState, 'scenario' | 'cursor'>): string {
  return `#${linkText(s.scenario, s.cursor)}`;
}

const sameRun = (a: Scenario, b: Scenario) => linkText(a, 0) === linkText(b, 0);

/**
 * The URL is the state. The scenario and the cursor live in `location.hash`: a new scenario (editor,
 * preset, file, node toggle) pushes a history entry; moving the cursor (play, step, scrub) only
 * replaces the current one, at most every `throttleMs`. Navigation (a typed URL, back/forward) loads the
 * scenario it names, or just seeks when only the step differs; a link that cannot run is reported
 * through onProblem and the run on screen is kept.
 */
export function startUrlSync(store: SimStore, options: UrlSyncOptions): UrlSync {
  const throttleMs = options.throttleMs ?? 250;
  /** The hash last written or read: navigation to it is not news. */
  let known = location.hash;
  /** Set while this module loads a run, so that load pushes nothing (the URL already names it). */
  let fromUrl = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;

  const write = (how: 'push' | 'replace', hash: string) => {
    // A link past MAX_LINK would not be read back: the address bar keeps the last one that would.
    if (hash !== location.hash && hash.length <= MAX_LINK) {
      try {
        if (how === 'push') history.pushState(null, '', hash);
        else history.replaceState(history.state, '', hash);
      } catch {
        // Browsers may refuse a very long URL or throttle updates: the address bar lags, the run does not.
      }
      lastWrite = Date.now();
    }
    known = location.hash;
  };

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const flush = () => {
    if (timer === null) return;
    cancel();
    write('replace', hashOf(store.getState()));
  };

  const scheduleReplace = () => {
    if (timer !== null) return;
    const wait = Math.max(0, lastWrite + throttleMs - Date.now());
    timer = setTimeout(() => {
      timer = null;
      write('replace', hashOf(store.getState()));
    }, wait);
  };

  const load = (scenario: Scenario) => {
    fromUrl = true;
    try {
      store.getState().load(scenario);
    } finally {
      fromUrl = false;
    }
  };

  /** Runs the link in the address bar (or reports it); returns whether it runs. */
  const follow = (text: string, fallback: 'default' | 'previous'): boolean => {
    const checked = checkLink(text);
    if (!checked.ok) {
      options.onProblem(checked.problem, fallback);
      return false;
    }
    const s = store.getState();
    if (sameRun(checked.scenario, s.scenario)) s.seek(checked.scenario.step ?? 0);
    else load(checked.scenario);
    return true;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.run !== prev.run) {
      options.onLoaded?.();
      // The old entry keeps the step it was left at; the new scenario gets an entry of its own.
      if (timer !== null) {
        cancel();
        write('replace', hashOf(prev));
      }
      if (fromUrl) known = location.hash;
      else write('push', hashOf(s));
    } else if (s.cursor !== prev.cursor) scheduleReplace();
  });

  const onNavigate = () => {
    const hash = location.hash;
    if (hash === known) return;
    known = hash;
    cancel();
    // An emptied hash means "no scenario given": show the one on screen rather than guess.
    if (linkBody(hash) === '') write('replace', hashOf(store.getState()));
    else follow(hash, 'previous');
  };
  window.addEventListener('hashchange', onNavigate);
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('pagehide', flush);

  // Start: the page was opened with this hash (main.tsx has loaded it if it could).
  if (linkBody(location.hash) === '') write('replace', hashOf(store.getState()));
  else {
    const checked = checkLink(location.hash);
    if (!checked.ok) {
      options.onProblem(checked.problem, 'default');
      // The alert says what is wrong with the link; the editor is not the place for it.
      store.setState({ errors: [], notice: null });
    } else if (!sameRun(checked.scenario, store.getState().scenario)) load(checked.scenario);
    // Keep the link as typed (and its step, still being computed) until the cursor moves.
  }

  return {
    open(link) {
      const body = linkBody(link);
      cancel();
      write('push', `#${body}`);
      return follow(body, 'previous');
    },
    flush,
    stop() {
      cancel();
      unsubscribe();
      window.removeEventListener('hashchange', onNavigate);
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('pagehide', flush);
    },
  };
}
