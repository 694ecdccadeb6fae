/**
 * Named teaching scenarios. Each is a link (the hash body), so a preset, a shared link and a CLI run
 * (`--url`) are the same run; `watch` is the one thing to look for, with the count it should reach.
 */
export interface Preset {
  /** Stable id, e.g. for `#preset=` style menus and tests. */
  id: string;
  title: string;
  /** One sentence: what to watch for. */
  watch: string;
  /** The scenario as a link hash body (decodeScenario reads it). */
  link: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'lcr-worst',
    title: 'LCR, worst case (ids decreasing clockwise)',
    watch:
      'Each uid k travels k hops before the next larger uid swallows it, so the election costs 1 + 2 + … + 8 = n(n+1)/2 = 36 messages, plus 8 for the announcement.',
    link: 'v=1&alg=lcr&n=8&ids=desc&mode=sync',
  },
  {
    id: 'lcr-best',
    title: 'LCR, best case (ids increasing clockwise)',
    watch:
      'Every uid but the largest is swallowed after one hop, so the election costs 2n − 1 = 15 messages instead of 36; the rounds stay n = 8 (16 with the announcement).',
    link: 'v=1&alg=lcr&n=8&ids=asc&mode=sync',
  },
  {
    id: 'chang-roberts-two-initiators',
    title: 'Chang–Roberts with two initiators',
    watch:
      'Only 1 and 5 start; 8, 6 and 7 join when a smaller uid reaches them and send their own instead, and participants swallow smaller uids: 16 election messages where LCR spends 20 on this ring.',
    link: 'v=1&alg=chang-roberts&ids=3,7,1,8,5,2,6,4&mode=sync&initiators=1,5',
  },
  {
    id: 'hs-16',
    title: 'Hirschberg–Sinclair on 16 nodes',
    watch:
      'Candidates probe 1, 2, 4, 8 hops both ways and fewer survive each phase; the largest uid’s probe goes all the way round in phase ⌈log 16⌉ = 4, well inside the 8n(1 + ⌈log n⌉) = 640 bound.',
    link: 'v=1&alg=hs&n=16&ids=random&mode=sync&seed=7',
  },
  {
    id: 'peterson-8',
    title: 'Peterson on 8 nodes',
    watch:
      'Temporary ids move downstream: 3 processes stay active after phase 1 and 1 after phase 2, so the elected value is 8 but the process that detects it is 4, not 8 (2n per phase + n = 40 election messages).',
    link: 'v=1&alg=peterson&ids=3,7,1,8,5,2,6,4&mode=sync',
  },
  {
    id: 'bully-coordinator-crash',
    title: 'Bully: the coordinator crashes mid-run',
    watch:
      '8 wins the first election and crashes at time 3; process 1 notices one OK-timeout later and calls a second election, whose ELECTION messages to 8 are sent but lost, and 7 becomes coordinator.',
    link: 'v=1&alg=bully&n=8&ids=asc&mode=sync&crashes=8@3',
  },
  {
    id: 'tree-two-saturated',
    title: 'Tree convergecast: two saturated nodes',
    watch:
      'On a path of 8 nodes the up messages from both ends meet in the middle and cross on the edge 3–7: both ends of it saturate, and the larger, 7, leads, not the largest id 8 (n = 8 up messages).',
    link: 'v=1&alg=tree&ids=6,1,8,3,7,2,5,4&edges=6-1,1-8,8-3,3-7,7-2,2-5,5-4&mode=sync',
  },
  {
    id: 'ghs-10',
    title: 'GHS on a 10-node weighted graph',
    watch:
      'Fragments merge along their lightest outgoing edge until one spans the graph: the tree is the minimum spanning tree (weights 1 to 9, total 45), then a convergecast on it elects the leader.',
    link: 'v=1&alg=ghs&ids=1,2,3,4,5,6,7,8,9,10&edges=1-2:3,1-5:12,2-3:7,2-6:1,3-4:9,3-7:14,4-8:5,5-6:10,5-9:2,6-7:6,7-8:13,7-10:4,8-10:11,9-10:15,6-9:8&mode=async&seed=3',
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
