export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: readonly string[];
export function chromiumLaunch(extra?: readonly string[]): { executablePath: string; args: string[] };
export function servePreview(port: number, build?: boolean): Promise<string>;
