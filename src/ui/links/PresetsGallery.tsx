import { PRESETS } from '../../scenario/presets';

/**
 * The teaching scenarios: title, what to watch for, one click to load. Each title is a real link to
 * `#<scenario>` (open it in a new tab, copy its address); a plain click loads it here.
 */
export function PresetsGallery({ onOpen }: { onOpen: (link: string) => void }) {
  return (
    <ul className="presets">
      {PRESETS.map((p) => (
        <li key={p.id} className="preset" data-preset={p.id}>
          <a
            href={`#${p.link}`}
            onClick={(e) => {
              if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              onOpen(p.link);
            }}
          >
            {p.title}
          </a>
          <p>
            <span className="watch">Watch: </span>
            {p.watch}
          </p>
        </li>
      ))}
    </ul>
  );
}
