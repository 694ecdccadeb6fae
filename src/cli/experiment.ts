/** `sim experiment …` — filled in by the experiments work (issue 6). */
export function runExperimentCommand(_argv: string[], fail: (m: string) => never): void {
  fail('the experiment command is not available in this build');
}
