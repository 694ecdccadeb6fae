import { int, nodeSubset, whole, type ParamSpec, type Parsed } from '../algorithms/params';
import type { LinkDown, MessageDrop, Partition } from '../engine/types';

/**
 * The network's faults as scenario options (C17), declared like the crash faults (faults.ts): message
 * loss with a probability, links down and partitions during time intervals. Every algorithm takes
 * them: they describe the network, not the algorithm.
 */

/** Latest time an interval may name (as for a crash). */
const MAX_TIME = 1_000_000_000;

const fail = <V>(message: string): Parsed<V> => ({ ok: false, message });

/** `0`, `1`, `0.25`, `1.0`: a probability as a decimal, at most nine places. */
const PROBABILITY = /^(?:0(?:\.\d{1,9})?|1(?:\.0{1,9})?)$/;

export const lossParam: ParamSpec<number> = {
  key: 'loss',
  label: 'Message loss (probability)',
  help: 'each message is lost with this probability, e.g. 0.1, seeded apart from the delays (C17)',
  control: 'text',
  default: 0,
  cli: { flag: '--loss', metavar: '0.1' },
  placeholder: '0',
  parse: (text) => {
    const t = text.trim();
    if (!PROBABILITY.test(t))
      return fail(`loss must be a probability from 0 to 1, e.g. 0.1, not "${text.slice(0, 20)}"`);
    return { ok: true, value: Number(t) };
  },
  format: (v) => String(v),
  json: 'fraction',
};

/**
 * Duplicates (C26): each message that arrives is delivered a second time with this probability, the
 * copy a later delivery on the same channel. The same reader as `loss`: 0 is the run without it.
 */
export const dupParam: ParamSpec<number> = {
  key: 'dup',
  label: 'Duplicates (probability)',
  help: 'each message is delivered twice with this probability, e.g. 0.2; the copy comes later on the same channel (C26)',
  control: 'text',
  default: 0,
  cli: { flag: '--duplicate', metavar: '0.2' },
  placeholder: '0',
  parse: (text) => {
    const t = text.trim();
    if (!PROBABILITY.test(t))
      return fail(`dup must be a probability from 0 to 1, e.g. 0.2, not "${text.slice(0, 20)}"`);
    return { ok: true, value: Number(t) };
  },
  format: (v) => String(v),
  json: 'fraction',
};

/** The largest message number a drop may name (as for a time: a typo past it, not a run). */
export const MAX_DROP_K = 1_000_000_000;

/** `5-2#3`: the drop's text form, as the CLI, the link and the editor write it. */
export const dropName = (d: MessageDrop): string => `${d.from}-${d.to}#${d.k}`;

/**
 * Chosen messages dropped (C25): `5-2#3` is the 3rd message 5 sends to 2. The ids are checked here;
 * whether a link goes from 5 to 2 once the graph is built (build.ts).
 */
export const dropParam: ParamSpec<MessageDrop[]> = {
  key: 'drop',
  label: 'Drop messages (from-to#k, …)',
  help: 'the k-th message from one node to another is lost, e.g. 5-2#3 (C25); counted in lost like any loss',
  control: 'text',
  default: [],
  cli: { flag: '--drop', metavar: '5-2#3' },
  placeholder: 'e.g. 5-2#3',
  parse: (text, ctx) => {
    const parts = text.split(',').filter((p) => p.trim());
    if (parts.length === 0) return fail('drop is empty: give messages as from-to#k, e.g. 5-2#3');
    const out: MessageDrop[] = [];
    const seen = new Set<string>();
    for (const part of parts) {
      const m = /^\s*(-?\d{1,16})\s*-\s*(-?\d{1,16})\s*#\s*(-?\d{1,16})\s*$/.exec(part);
      const from = m ? int(m[1]!) : null;
      const to = m ? int(m[2]!) : null;
      const k = m ? int(m[3]!) : null;
      if (from === null || to === null || k === null)
        return fail(
          `drop: "${part.trim().slice(0, 30)}" is not from-to#k, e.g. 5-2#3 (the 3rd message 5 sends to 2)`,
        );
      const stray = [from, to].find((x) => !ctx.isNode(x));
      if (stray !== undefined) return fail(`drop names ${stray}, not a node of this system`);
      if (from === to) return fail(`drop: ${from}-${to} is not a link (a node sends nothing to itself)`);
      if (k < 1 || k > MAX_DROP_K)
        return fail(`drop: ${from}-${to}#${k}: k counts the messages on the link from 1 to ${MAX_DROP_K}`);
      const name = dropName({ from, to, k });
      if (seen.has(name)) return fail(`drop: ${name} is named twice`);
      seen.add(name);
      out.push({ from, to, k });
    }
    return { ok: true, value: out };
  },
  format: (v) => v.map(dropName).join(','),
  json: 'text',
};

/**
 * `T1:T2` (also `T1-T2`): every time t with T1 ≤ t < T2; `T1` alone: from T1 on, for good. `what`
 * names the item in the sentence, e.g. `down: 1-2@20:5`.
 */
function interval(text: string, what: string): Parsed<{ from: number; to: number | null }> {
  const m = /^(\d{1,16})\s*(?:[:-]\s*(\d{1,16}))?$/.exec(text.trim());
  const from = m ? whole(m[1]!) : null;
  const to = m?.[2] !== undefined ? whole(m[2]) : null;
  if (!m || from === null || (m[2] !== undefined && to === null))
    return fail(
      `${what}: "${text.slice(0, 30)}" is not a time interval; write from:to, e.g. 5:20, or from alone`,
    );
  if (Math.max(from, to ?? 0) > MAX_TIME) return fail(`${what}: a time past ${MAX_TIME}`);
  if (to !== null && to < from) return fail(`${what} ends before it starts (${from} > ${to})`);
  if (to !== null && to === from)
    return fail(`${what} lasts no time (${from}:${to}); write ${from}:${from + 1} for one time unit`);
  return { ok: true, value: { from, to } };
}

const formatInterval = (x: { from: number; to: number | null }) =>
  x.to === null ? `${x.from}` : `${x.from}:${x.to}`;

export const downParam: ParamSpec<LinkDown[]> = {
  key: 'down',
  label: 'Links down (a-b@from:to, …)',
  help: 'the link a–b is down for from ≤ t < to (or from on, without :to); messages sent over it are lost (C17)',
  control: 'text',
  default: [],
  cli: { flag: '--link-down', metavar: '1-2@5:20' },
  placeholder: 'e.g. 1-2@5:20',
  parse: (text, ctx) => {
    const parts = text.split(',').filter((p) => p.trim());
    if (parts.length === 0) return fail('down is empty: give links with times, e.g. 1-2@5:20');
    const out: LinkDown[] = [];
    for (const part of parts) {
      const at = part.indexOf('@');
      const m = /^\s*(-?\d{1,16})\s*-\s*(-?\d{1,16})\s*$/.exec(at < 0 ? '' : part.slice(0, at));
      const a = m ? int(m[1]!) : null;
      const b = m ? int(m[2]!) : null;
      if (a === null || b === null)
        return fail(`down: "${part.trim().slice(0, 30)}" is not a-b@from:to, e.g. 1-2@5:20`);
      const stray = [a, b].find((x) => !ctx.isNode(x));
      if (stray !== undefined) return fail(`down names ${stray}, not a node of this system`);
      if (a === b) return fail(`down: ${a}-${b} is not a link (a node has no link to itself)`);
      const when = interval(part.slice(at + 1), `down: ${a}-${b}@${part.slice(at + 1).trim()}`);
      if (!when.ok) return when;
      out.push({ a, b, ...when.value });
    }
    return { ok: true, value: out };
  },
  format: (v) => v.map((d) => `${d.a}-${d.b}@${formatInterval(d)}`).join(','),
  json: 'text',
};

export const partParam: ParamSpec<Partition[]> = {
  key: 'part',
  label: 'Partitions (ids@from:to; …)',
  help: 'the ids are cut off from the rest for from ≤ t < to (or from on); several are separated by ; (C17)',
  control: 'text',
  default: [],
  cli: { flag: '--partition', metavar: '1,2,3@10:40' },
  placeholder: 'e.g. 1,2,3@10:40',
  parse: (text, ctx) => {
    const parts = text.split(';').filter((p) => p.trim());
    if (parts.length === 0) return fail('part is empty: give ids with times, e.g. 1,2,3@10:40');
    const out: Partition[] = [];
    for (const part of parts) {
      const at = part.indexOf('@');
      if (at < 0) return fail(`part: "${part.trim().slice(0, 30)}" is not ids@from:to, e.g. 1,2,3@10:40`);
      const ids = nodeSubset('part', part.slice(0, at), ctx);
      if (!ids.ok) return ids;
      if (ids.value.length >= ctx.n)
        return fail(
          `part: ${ids.value.length > 5 ? 'it' : ids.value.join(',')} names every process; a partition needs nodes on both sides`,
        );
      const when = interval(part.slice(at + 1), `part: ${ids.value.join(',')}@${part.slice(at + 1).trim()}`);
      if (!when.ok) return when;
      out.push({ ids: ids.value, ...when.value });
    }
    return { ok: true, value: out };
  },
  format: (v) => v.map((p) => `${p.ids.join(',')}@${formatInterval(p)}`).join(';'),
  json: 'text',
};
