import type { NodeCtx, NodeId, Reaction, Role } from '../engine/types';
import { defineAlgorithm, formula, lower } from './contract';
import { ZK_FIGURES, ZkMonitor } from './zookeeper-monitor';
import {
  checkZkParams,
  herdParam,
  pingParam,
  sessionParam,
  untilParam,
  zkUntilOf,
  type ZkParams,
} from './zookeeper-params';
import { serverExpire, serverInit, serverMessage, znodeName } from './zookeeper-server';
import { code, L, type ClientState, type ZkMsg, type ZkState, type ZkTimer } from './zookeeper-types';
import { ZOOKEEPER_NOTIFICATIONS } from './zookeeper-experiment';

/**
 * ZooKeeper's leader-election recipe (§1.13 of docs/algorithms.md; ZooKeeper's "Recipes and
 * Solutions"): each client creates an ephemeral sequential znode under /election on one modelled
 * server, the lowest number leads, every other client watches only its predecessor and lists the
 * children again when told it is gone. With `herd`, everyone watches the leader's znode instead.
 */

type R = Reaction<ZkState, ZkMsg, ZkTimer>;

/** Each live client's create, the server's reply, its getChildren and the reply. */
export const ZK_LEAST = formula('4n', (n) => 4 * n);

const serverId = (node: NodeCtx): NodeId => node.services![0]!;
const isServer = (node: NodeCtx): boolean => node.services?.includes(node.id) ?? false;
/** The client's read timeout: ZooKeeper's Java client gives up after 2/3 of the session timeout. */
const silenceOf = (p: ZkParams): number => Math.floor((2 * p.session) / 3);

function start(node: NodeCtx, p: ZkParams): R {
  const state: ClientState = {
    kind: 'client',
    u: node.id,
    seq: null,
    leading: false,
    watching: null,
    pongs: 0,
    lost: false,
  };
  return {
    state,
    send: [{ to: serverId(node), msg: { kind: 'create' } }],
    timers: [
      { timer: { kind: 'ping' }, after: p.ping },
      { timer: { kind: 'silence', pongs: 0 }, after: silenceOf(p) },
    ],
    lines: L('start'),
    note: `${node.id} opens a session and creates /election/n_ (ephemeral, sequential)`,
  };
}

const getChildren = (node: NodeCtx): { to: NodeId; msg: ZkMsg }[] => [
  { to: serverId(node), msg: { kind: 'children' } },
];

function listed(s: ClientState, seqs: readonly number[], node: NodeCtx, p: ZkParams): R {
  const mine = s.seq!;
  if (!seqs.includes(mine))
    return {
      state: { ...s, leading: false, lost: true },
      lines: L('list'),
      note: `${s.u}'s znode is gone: its session has expired`,
    };
  if (seqs[0] === mine)
    return {
      state: { ...s, leading: true, watching: null },
      lines: L('list', 'list.lead'),
      note: `${s.u}'s ${znodeName(mine)} is the lowest: ${s.u} leads`,
    };
  const lower = seqs.filter((x) => x < mine);
  const target = p.herd ? seqs[0]! : lower[lower.length - 1]!;
  return {
    state: { ...s, leading: false, watching: target },
    send: [{ to: serverId(node), msg: { kind: 'watch', seq: target } }],
    lines: L('list', p.herd ? 'list.herd' : 'list.watch'),
    note: `${s.u} is not the lowest: it watches ${znodeName(target)}${p.herd ? ", the leader's" : ', its predecessor'}`,
  };
}

function clientMessage(s: ClientState, m: ZkMsg, node: NodeCtx, p: ZkParams): R {
  if (s.lost) return { state: s, lines: [], note: `${s.u} is disconnected: it ignores the ${m.kind}` };
  switch (m.kind) {
    case 'created':
      return {
        state: { ...s, seq: m.seq },
        send: getChildren(node),
        lines: L('created'),
        note: `${s.u} holds /election/${znodeName(m.seq)} and lists the children`,
      };
    case 'list':
      return listed(s, m.seqs, node, p);
    case 'exists':
      return m.yes
        ? { state: s, lines: [], note: `${s.u}'s watch on ${znodeName(m.seq)} is set` }
        : {
            state: s,
            send: getChildren(node),
            lines: L('exists'),
            note: `${znodeName(m.seq)} is gone already: ${s.u} lists again`,
          };
    case 'notify':
      return {
        state: { ...s, watching: null },
        send: getChildren(node),
        lines: L('notify'),
        note: `${s.u} is told ${znodeName(m.seq)} was deleted: it lists the children again`,
      };
    case 'pong':
      return {
        state: { ...s, pongs: s.pongs + 1 },
        timers: [{ timer: { kind: 'silence', pongs: s.pongs + 1 }, after: silenceOf(p) }],
        lines: [],
        note: '',
      };
    default:
      return { state: s, lines: [], note: `${s.u} ignores a ${m.kind}` };
  }
}

function clientTimer(s: ClientState, t: ZkTimer, node: NodeCtx, p: ZkParams): R {
  if (s.lost) return { state: s, lines: [], note: `${s.u} is disconnected` };
  if (t.kind === 'ping')
    return {
      state: s,
      send: [{ to: serverId(node), msg: { kind: 'ping' } }],
      timers: [{ timer: { kind: 'ping' }, after: p.ping }],
      lines: [],
      note: node.narrate ? `${s.u} pings the server` : '',
    };
  return {
    state: { ...s, leading: false, lost: true },
    lines: L('silence'),
    note: `${s.u} has heard nothing from the server for ${silenceOf(p)}: it is disconnected and stops acting${s.leading ? ' as leader' : ''}`,
  };
}

/** Timers a later pong or request made moot: dropped without a step. */
function cancelled(s: ZkState, t: ZkTimer): boolean {
  if (t.kind === 'expire') return s.kind !== 'server' || s.sessions[t.client] !== t.heard;
  if (t.kind === 'silence') return s.kind !== 'client' || s.pongs !== t.pongs;
  return false;
}

export const zookeeper = defineAlgorithm<ZkState, ZkMsg, ZkParams, ZkTimer>({
  id: 'zookeeper',
  name: "ZooKeeper's election recipe",
  shortName: 'ZooKeeper',
  summary:
    "Each client creates an ephemeral sequential znode on a ZooKeeper server; the lowest leads, each other watches only its predecessor and re-checks when it is deleted — a crashed client's znode goes when its session expires. With herd, everyone watches the leader and every change wakes them all.",
  underDuplicates:
    'Does not tolerate duplicates: a copied create makes a second sequential znode the client does not know of, so it may watch its own orphan forever and nobody leads (the run shows the time without a leader).',
  citation:
    'Apache ZooKeeper, "ZooKeeper Recipes and Solutions": Leader Election; Hunt et al., USENIX ATC 2010',
  topologies: ['complete'],
  requires: 'clients that talk only to the ZooKeeper server (added as an extra node)',
  services: ['server'],
  kinds: ['create', 'created', 'children', 'list', 'watch', 'exists', 'notify', 'ping', 'pong'],
  roles: ['candidate', 'leader', 'nonLeader', 'relay'],
  faults: true,
  timed: 'a session expires with time, so when messages arrive matters, not only their order',
  params: { session: sessionParam, ping: pingParam, herd: herdParam, until: untilParam },
  checkParams: checkZkParams,
  code,
  counts: {
    bound: { ...formula('∞', () => Infinity), note: 'pings go on until the run stops' },
    curves: () => [lower(ZK_LEAST)],
  },
  presets: [
    {
      id: 'zookeeper-leader-crash',
      title: 'ZooKeeper: the leader crashes (one watcher woken)',
      watch:
        "3's znode n_0000000000 is the lowest: it leads from 19, crashes at 100, and the server expires its session at 147 (60 after its last ping), deletes the znode and notifies only 5, which watched it: 1 watch notification, and 5 leads from 163.",
      link: 'v=1&alg=zookeeper&n=5&ids=asc&mode=async&crashes=3@100&until=340',
    },
    {
      id: 'zookeeper-herd',
      title: 'ZooKeeper: the same crash with the herd effect',
      watch:
        "The same crash of leader 3 at 100, but every client watches the leader's znode: at the expiry at 147 the server wakes all 4 others (4 = n − 1 watch notifications), all four list /election again, and still only 5 leads from 163.",
      link: 'v=1&alg=zookeeper&n=5&ids=asc&mode=async&crashes=3@100&until=340&herd=1',
    },
  ],
  until: zkUntilOf,
  systemExperiment: ZOOKEEPER_NOTIFICATIONS,
  term: (s) => (s.kind === 'client' && s.leading ? s.seq! + 1 : 0),
  timerCancelled: cancelled,
  timerLabel: (t) => t.kind,
  monitor: () => new ZkMonitor(),
  figures: ZK_FIGURES,
  drawing: {
    badge(s) {
      // Badges are short (12 characters): the lowest and the highest znode; the inspector lists them all.
      if (s.kind === 'server') {
        const z = s.znodes;
        if (z.length === 0) return 'no znodes';
        return z.length <= 2 ? z.map((x) => `n${x.seq}`).join(' ') : `n${z[0]!.seq}…n${z.at(-1)!.seq}`;
      }
      if (s.lost) return 'disconnected';
      if (s.seq === null) return null;
      if (s.leading) return `n${s.seq} leads`;
      return s.watching === null ? `n${s.seq}` : `n${s.seq} → n${s.watching}`;
    },
    group(s) {
      if (s.kind === 'client' && s.lost) return { key: 'lost', label: 'disconnected (session lost)' };
      return null;
    },
    waits: true,
    waitShown: (t) => (t as ZkTimer).kind === 'expire',
  },

  init(node, p) {
    return isServer(node) ? serverInit() : start(node, p);
  },

  recover(s, node, p) {
    if (s.kind === 'server')
      return {
        state: s,
        timers: Object.entries(s.sessions).map(([c, heard]) => ({
          timer: { kind: 'expire', client: Number(c), heard } as ZkTimer,
          after: p.session,
        })),
        note: 'the server comes back with its data; every open session gets a full session timeout again',
      };
    const r = start(node, p);
    return { ...r, note: `${node.id} restarts: a new session and a new znode` };
  },

  onMessage(s, from, m, node, p) {
    if (s.kind === 'server') return serverMessage(s, from, m, p);
    return clientMessage(s, m, node, p);
  },

  onTimer(s, t, node, p) {
    if (s.kind === 'server') return t.kind === 'expire' ? serverExpire(s, t.client) : { state: s };
    return clientTimer(s, t, node, p);
  },

  role(s): Role {
    if (s.kind === 'server') return 'relay';
    if (s.leading) return 'leader';
    return s.seq === null ? 'candidate' : 'nonLeader';
  },

  describe(s) {
    if (s.kind === 'server')
      return {
        node: 'ZooKeeper server',
        '/election': s.znodes.map((z) => `${znodeName(z.seq)} (${z.owner})`).join(', ') || 'empty',
        watches: s.watches.map((w) => `${w.watcher}→n${w.seq}`).join(', ') || 'none',
        sessions: Object.keys(s.sessions).join(', ') || 'none',
        notifications: s.notified,
      };
    return {
      u: s.u,
      znode: s.seq === null ? '—' : znodeName(s.seq),
      leading: s.leading,
      watching: s.watching === null ? '—' : znodeName(s.watching),
      disconnected: s.lost,
    };
  },

  result(states) {
    // The live client leading at the end; there is at most one unless sessions were mis-set.
    let best: ClientState | null = null;
    for (const s of states as readonly (ZkState | null)[])
      if (s?.kind === 'client' && s.leading && (best === null || s.seq! < best.seq!)) best = s;
    return { leader: best?.u ?? null };
  },

  label(m) {
    switch (m.kind) {
      case 'created':
        return `created(n${m.seq})`;
      case 'list':
        return `children(${m.seqs.join(',')})`;
      case 'watch':
        return `exists(n${m.seq}, watch)`;
      case 'exists':
        return `exists(n${m.seq}) = ${m.yes}`;
      case 'notify':
        return `deleted(n${m.seq})`;
      default:
        return m.kind;
    }
  },
});
