/** Runs `fn` in a later task; returns a function that cancels it. */
export type Schedule = (fn: () => void) => () => void;

/**
 * One background chunk per animation frame, run just after the frame is painted: a flood of
 * back-to-back tasks (MessageChannel, setTimeout 0) starves Chromium's rendering (frames 700 ms
 * apart were measured while a 500k-step run computed), whereas one chunk of a few milliseconds per
 * frame leaves the animation at full rate. Outside a browser (tests, Node) a plain setTimeout.
 */
export const afterNextFrame: Schedule = (() => {
  if (
    typeof window === 'undefined' ||
    typeof requestAnimationFrame === 'undefined' ||
    typeof MessageChannel === 'undefined'
  ) {
    return (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    };
  }
  const channel = new MessageChannel();
  const queue = new Map<number, () => void>();
  let next = 0;
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    const fn = queue.get(e.data);
    queue.delete(e.data);
    fn?.();
  };
  return (fn) => {
    const id = next++;
    queue.set(id, fn);
    // rAF runs before the paint; the message it posts is handled after it.
    const raf = requestAnimationFrame(() => channel.port2.postMessage(id));
    return () => {
      cancelAnimationFrame(raf);
      queue.delete(id);
    };
  };
})();
