import type { Scenario } from '../scenario/types';
import type { Progress } from './explorer';
import type { ExploreSummary } from './report';

/**
 * Page → explorer worker. One worker explores one scenario. `cancel` stops the search at the next
 * slice, and the worker still answers with what it found (`complete: false`, stoppedBy `stopped`).
 */
export type ExploreRequest = { type: 'start'; scenario: Scenario; maxStates: number } | { type: 'cancel' };

/** Explorer worker → page: progress after each slice, then exactly one of done or refused. */
export type ExploreReply =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; summary: ExploreSummary }
  | { type: 'refused'; message: string };
