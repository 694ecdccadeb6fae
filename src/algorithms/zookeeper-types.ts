import type { NodeId } from '../engine/types';
import { pseudocode } from './pseudocode';

/**
 * ZooKeeper's leader-election recipe (§1.13 of docs/algorithms.md): states, messages, timers and
 * pseudo-code, shared by the clients (zookeeper.ts) and the modelled server (zookeeper-server.ts).
 */

export interface ClientState {
  kind: 'client';
  u: NodeId;
  /** The sequence number of its ephemeral znode /election/n_…; null: not created yet. */
  seq: number | null;
  /** Its znode is the lowest it has listed: it leads. */
  leading: boolean;
  /** The znode whose deletion it waits for (its predecessor, or the leader's with herd); null: none. */
  watching: number | null;
  /** Pongs heard so far: the silence timer of the last one is the one that counts. */
  pongs: number;
  /** It heard nothing from the server for two thirds of the session timeout: it stops acting. */
  lost: boolean;
}

export interface Znode {
  seq: number;
  owner: NodeId;
}

export interface ServerState {
  kind: 'server';
  /** The next sequence number (ZooKeeper's parent cversion): numbers are never reused. */
  next: number;
  /** The children of /election, in sequence order. */
  znodes: readonly Znode[];
  /** One-shot watches: who is told when znode `seq` is deleted. */
  watches: readonly { seq: number; watcher: NodeId }[];
  /** Per open session (key: the client's id), the number of messages heard from it. */
  sessions: Readonly<Record<string, number>>;
  /** Watch notifications sent so far. */
  notified: number;
  /** Sessions expired so far, and how many of them owned the lowest znode (a leader gone). */
  expired: number;
  leadersGone: number;
  /** What it did last, for the graph's badge. */
  last: string;
}

export type ZkState = ClientState | ServerState;

export type ZkMsg =
  | { kind: 'create' }
  | { kind: 'created'; seq: number }
  | { kind: 'children' }
  | { kind: 'list'; seqs: readonly number[] }
  | { kind: 'watch'; seq: number }
  | { kind: 'exists'; seq: number; yes: boolean }
  | { kind: 'notify'; seq: number }
  | { kind: 'ping' }
  | { kind: 'pong' };

export type ZkTimer =
  { kind: 'ping' } | { kind: 'silence'; pongs: number } | { kind: 'expire'; client: NodeId; heard: number };

export const code = pseudocode([
  [
    'start',
    'client, on start: open a session; create /election/n_ (ephemeral, sequential); ping every ping interval',
  ],
  ['created', 'on created(n_k): getChildren(/election)'],
  ['list', 'on children(list):'],
  ['list.lead', '  if my znode is the lowest: I lead'],
  ['list.watch', '  else exists(predecessor: the next lower znode, watch = true)'],
  ['list.herd', '  else (herd) exists(the lowest znode, watch = true)'],
  ['exists', 'on exists(z) = false: z is gone already: getChildren again'],
  ['notify', 'on watch event NodeDeleted(z): getChildren again'],
  ['silence', 'on no answer from the server for 2/3 of the session timeout: stop acting (disconnected)'],
  ['server', 'server, on any request of a client: its session lives a session timeout more'],
  ['server.create', '  create: append n_(next), next += 1; reply created'],
  ['server.children', '  getChildren: reply the children in sequence order'],
  ['server.watch', '  exists(z, watch): if z exists, remember the watch; reply whether it exists'],
  ['expire', 'server, on a session silent for the session timeout: delete its ephemeral znodes;'],
  ['expire.notify', '  send NodeDeleted(z) to each watcher of a deleted z, once (watches are one-shot)'],
]);

export const L = code.lines;
