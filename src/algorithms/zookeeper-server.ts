import type { NodeId, Reaction, Send } from '../engine/types';
import type { ZkParams } from './zookeeper-params';
import { L, type ServerState, type ZkMsg, type ZkTimer } from './zookeeper-types';

/**
 * The modelled ZooKeeper server (§1.13): one node holding /election's children, the clients'
 * sessions and their one-shot watches. It keeps real time; an ensemble's replication is not modelled.
 */

type R = Reaction<ServerState, ZkMsg, ZkTimer>;

export function serverInit(): R {
  return {
    state: {
      kind: 'server',
      next: 0,
      znodes: [],
      watches: [],
      sessions: {},
      notified: 0,
      expired: 0,
      leadersGone: 0,
      last: 'no znodes',
    },
    lines: [],
    note: 'the ZooKeeper server starts: /election has no children',
  };
}

/** Sequence numbers as ZooKeeper prints them: ten digits. */
export const znodeName = (seq: number): string => `n_${String(seq).padStart(10, '0')}`;

/** Every request keeps the session alive a session timeout more; `create` opens one. */
export function serverMessage(s: ServerState, from: NodeId, m: ZkMsg, p: ZkParams): R {
  const open = s.sessions[from];
  if (open === undefined && m.kind !== 'create')
    return {
      state: s,
      lines: L('server'),
      note: `the server ignores the ${m.kind} of ${from}: its session has expired`,
    };
  const heard = (open ?? 0) + 1;
  const alive = { ...s, sessions: { ...s.sessions, [from]: heard } };
  const timers = [{ timer: { kind: 'expire', client: from, heard } as ZkTimer, after: p.session }];
  const reply = (msg: ZkMsg): Send<ZkMsg>[] => [{ to: from, msg }];
  switch (m.kind) {
    case 'create': {
      const z = { seq: s.next, owner: from };
      return {
        state: {
          ...alive,
          next: s.next + 1,
          znodes: [...s.znodes, z],
          last: `${znodeName(z.seq)} for ${from}`,
        },
        send: reply({ kind: 'created', seq: z.seq }),
        timers,
        lines: L('server', 'server.create'),
        note: `the server creates /election/${znodeName(z.seq)} for ${from} (ephemeral: it lives as long as the session)`,
      };
    }
    case 'children':
      return {
        state: alive,
        send: reply({ kind: 'list', seqs: s.znodes.map((z) => z.seq) }),
        timers,
        lines: L('server', 'server.children'),
        note: `the server lists /election for ${from}: ${s.znodes.map((z) => z.seq).join(', ') || 'empty'}`,
      };
    case 'watch': {
      const yes = s.znodes.some((z) => z.seq === m.seq);
      return {
        state: yes ? { ...alive, watches: [...s.watches, { seq: m.seq, watcher: from }] } : alive,
        send: reply({ kind: 'exists', seq: m.seq, yes }),
        timers,
        lines: L('server', 'server.watch'),
        note: yes
          ? `the server sets a watch of ${from} on ${znodeName(m.seq)}`
          : `${znodeName(m.seq)} is gone already: the server tells ${from} so`,
      };
    }
    case 'ping':
      return {
        state: alive,
        send: reply({ kind: 'pong' }),
        timers,
        lines: L('server'),
        note: `the server answers the ping of ${from}`,
      };
    default:
      return { state: alive, timers, lines: [], note: `the server ignores a ${m.kind}` };
  }
}

/** A session silent for the session timeout (a later request cancels the timer): its znodes go. */
export function serverExpire(s: ServerState, client: NodeId): R {
  const gone = s.znodes.filter((z) => z.owner === client);
  const lowest = s.znodes[0];
  const told = s.watches.filter((w) => gone.some((z) => z.seq === w.seq) && w.watcher !== client);
  const sessions = { ...s.sessions };
  delete sessions[client];
  const wasLeader = lowest !== undefined && lowest.owner === client;
  return {
    state: {
      ...s,
      sessions,
      znodes: s.znodes.filter((z) => z.owner !== client),
      // Fired watches are one-shot; the expired client's own watches go with its session.
      watches: s.watches.filter((w) => !told.includes(w) && w.watcher !== client),
      notified: s.notified + told.length,
      expired: s.expired + 1,
      leadersGone: s.leadersGone + Number(wasLeader),
      last: `${client}'s session expired`,
    },
    send: told.map((w) => ({ to: w.watcher, msg: { kind: 'notify', seq: w.seq } as ZkMsg })),
    lines: told.length ? L('expire', 'expire.notify') : L('expire'),
    note: `the session of ${client} expires: ${gone.map((z) => znodeName(z.seq)).join(', ') || 'no znode'} deleted, ${told.length} watcher${told.length === 1 ? '' : 's'} notified`,
  };
}
