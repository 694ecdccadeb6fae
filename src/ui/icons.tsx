/** Small inline icons (a font may lack the media-control glyphs); decorative, the buttons carry names. */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  fill: 'currentColor',
} as const;

export const ResetIcon = () => (
  <svg {...common}>
    <rect x="2" y="3" width="2.5" height="10" />
    <path d="M14 3v10L5.5 8z" />
  </svg>
);
export const BackIcon = () => (
  <svg {...common}>
    <path d="M11 3v10L3 8z" />
    <rect x="12" y="3" width="2.5" height="10" />
  </svg>
);
export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2.5v11L13.5 8z" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="3" width="3" height="10" />
    <rect x="9.5" y="3" width="3" height="10" />
  </svg>
);
export const StepIcon = () => (
  <svg {...common}>
    <rect x="1.5" y="3" width="2.5" height="10" />
    <path d="M5 3v10l8-5z" />
  </svg>
);
