import { ROLE_LOOK, ROLE_ORDER } from '../view/palette';

/** A swatch drawn like the node: same fill, border style and shape. */
function Swatch({ role }: { role: keyof typeof ROLE_LOOK }) {
  const look = ROLE_LOOK[role];
  const size = 22;
  const dash = look.borderStyle === 'dashed' ? '5 3' : look.borderStyle === 'dotted' ? '2 2.5' : undefined;
  const sw = Math.min(3, look.borderWidth / 2);
  const shape =
    look.shape === 'round-rectangle' ? (
      <rect
        x={3}
        y={3}
        width={size - 6}
        height={size - 6}
        rx={4}
        fill={look.fill}
        stroke="#000"
        strokeWidth={sw}
        strokeDasharray={dash}
      />
    ) : look.shape === 'octagon' ? (
      <polygon
        points="8,3 14,3 19,8 19,14 14,19 8,19 3,14 3,8"
        fill={look.fill}
        stroke="#000"
        strokeWidth={sw}
        strokeDasharray={dash}
      />
    ) : (
      <circle
        cx={size / 2}
        cy={size / 2}
        r={size / 2 - 3}
        fill={look.fill}
        stroke="#000"
        strokeWidth={look.borderStyle === 'double' ? 3.5 : sw}
        strokeDasharray={dash}
      />
    );
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
      {shape}
      {look.marker && (
        <text
          x={size / 2}
          y={size / 2 + 4.5}
          textAnchor="middle"
          fontSize="12"
          fontWeight="bold"
          fill={look.text}
        >
          {look.marker}
        </text>
      )}
    </svg>
  );
}

/** What the node colours, borders and shapes mean. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend: node roles">
      {ROLE_ORDER.map((role) => (
        <li key={role} title={ROLE_LOOK[role].meaning}>
          <Swatch role={role} />
          {ROLE_LOOK[role].label}
        </li>
      ))}
    </ul>
  );
}
