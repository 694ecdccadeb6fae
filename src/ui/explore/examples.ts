/**
 * Small systems worth exploring in a lecture, each a link (the hash body, as a preset is): each
 * completes in a few seconds in the browser and answers one question about every schedule.
 */
export interface ExploreExample {
  id: string;
  title: string;
  /** The question it answers. */
  question: string;
  link: string;
}

export const EXPLORE_EXAMPLES: readonly ExploreExample[] = [
  {
    id: 'lcr-5',
    title: 'LCR, ids 5,4,3,2,1',
    question: 'Does the message count depend on the schedule?',
    link: 'v=1&alg=lcr&ids=5,4,3,2,1&mode=async',
  },
  {
    id: 'tree-path',
    title: 'Tree convergecast, a path of 6',
    question: 'Which nodes can end as leader?',
    link: 'v=1&alg=tree&ids=1,2,3,4,5,6&edges=1-2,2-3,3-4,4-5,5-6&mode=async',
  },
  {
    id: 'ghs-complete-5',
    title: 'GHS, complete graph of 5',
    question: 'What is the worst schedule?',
    link: 'v=1&alg=ghs&topo=complete&n=5&ids=asc&mode=async&seed=1',
  },
  {
    id: 'hs-6',
    title: 'Hirschberg–Sinclair, 6 descending',
    question: 'Two leaders in any interleaving?',
    link: 'v=1&alg=hs&n=6&ids=desc&mode=async',
  },
];
