export const CLI_BUNDLE: string;
export function buildCli(): Promise<string>;
export default function setup(): Promise<void>;
