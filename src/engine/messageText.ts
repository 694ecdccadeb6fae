/** A message as canonical text, e.g. `out(9,4,cw)`: field values in declaration order (notes, labels). */
export function canonicalMessage(msg: { kind: string }): string {
  const parts: string[] = [];
  const o = msg as unknown as Record<string, unknown>;
  for (const k in o) if (k !== 'kind') parts.push(formatValue(o[k]));
  return `${msg.kind}(${parts.join(',')})`;
}

function formatValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(formatValue).join(',')}]`;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
