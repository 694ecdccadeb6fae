import type { Scenario } from '../../scenario/types';

/** Saves a blob under a file name: an object URL on a temporary <a download>, released afterwards. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveText(name: string, text: string, type: string): void {
  saveBlob(name, new Blob([text], { type }));
}

/** `lcr-n8-sync-seed1`: what a file of this run is called. */
export function fileStem(s: Scenario): string {
  const safe = s.algorithm.replace(/[^a-z0-9-]/gi, '');
  return `${safe || 'run'}-n${s.topology.n}-${s.timing.mode}-seed${s.seed}`;
}
