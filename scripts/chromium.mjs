// Debian's Chromium as the end-to-end tests and the browser benchmarks launch it: one place for the
// path and the flags that work on Debian's build (the networking ones stop it flooding the closed
// network of these machines).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options; `extra` adds flags, e.g. `--enable-precise-memory-info` to read the heap exactly. */
export function chromiumLaunch(extra = []) {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extra] };
}

/**
 * For the browser benchmarks: builds the app (unless `build` is false), serves it with vite preview
 * on `port` and waits until it answers; the server stops when the process exits.
 */
export async function servePreview(port, build = true) {
  const { spawn, spawnSync } = await import('node:child_process');
  if (build) {
    const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port)],
    { stdio: 'ignore', detached: true },
  );
  // The server must not keep this process alive: without unref() a script that ends without
  // process.exit() (bench-browser.mjs) waits on the child forever after printing its results.
  server.unref();
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  // A timeout or Ctrl-C kills this process by a signal, which skips 'exit': stop the server then too.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])
    process.once(signal, () => process.exit(code));
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return base;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}
