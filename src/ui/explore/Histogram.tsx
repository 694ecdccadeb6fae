import { exact } from './words';

/** Bars of "how many schedules send k messages", with each bar's share of all schedules. */
export function Histogram({ bars }: { bars: readonly { messages: number; schedules: string }[] }) {
  const counts = bars.map((b) => BigInt(b.schedules));
  const total = counts.reduce((a, b) => a + b, 0n);
  if (total === 0n) return null;
  // Shares in tenths of a percent, exact from the BigInts; heights from the largest bar.
  const share = counts.map((c) => Number((c * 1000n) / total) / 10);
  const top = Math.max(...share, 0.1);
  const W = 60;
  const H = 90;
  const width = bars.length * W;
  const label = bars.map((b, i) => `${b.messages} messages: ${share[i]}%`).join('; ');
  return (
    <figure className="explore-histogram">
      <figcaption>Schedules by messages sent</figcaption>
      <svg
        viewBox={`0 0 ${width} ${H + 44}`}
        role="img"
        aria-label={`Schedules by messages sent: ${label}`}
        data-testid="explore-histogram"
        style={{ maxWidth: width * 1.25 }}
      >
        {bars.map((b, i) => {
          const h = Math.max(2, (share[i]! / top) * H);
          const x = i * W;
          return (
            <g key={b.messages}>
              <title>{`${b.messages} messages: ${exact(b.schedules)} schedules`}</title>
              <text x={x + W / 2} y={H + 18 - h - 4} textAnchor="middle" className="explore-bar-share">
                {`${share[i]}%`}
              </text>
              <rect x={x + 8} y={H + 18 - h} width={W - 16} height={h} className="explore-bar" />
              <text x={x + W / 2} y={H + 38} textAnchor="middle" className="explore-bar-label">
                {b.messages}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
