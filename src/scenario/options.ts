import type { ParamName } from './types';

/**
 * Which algorithms take which option. An option given to an algorithm that does not take it is an
 * error, never silently ignored: a link that says `initiators=3` must mean something.
 */
export const OPTION_OWNERS: Record<ParamName | 'crashed' | 'crashes', readonly string[]> = {
  announce: ['lcr', 'chang-roberts', 'hs', 'peterson', 'tree', 'ghs'],
  initiators: ['chang-roberts'],
  initiator: ['bully'],
  wake: ['ghs'],
  coordinatorTo: ['bully'],
  excludeKnownCrashed: ['bully'],
  crashed: ['bully'],
  crashes: ['bully'],
};
