import { useState } from 'react';
import { presetShelves, type PresetShelf } from '../../scenario/presets';

/**
 * The teaching scenarios: title, what to watch for, one click to load, on shelves (rings, graphs,
 * failures and systems) shown as tabs. Each title is a real link to `#<scenario>` (open it in a new
 * tab, copy its address); a plain click loads it here. The gallery opens on the shelf of the
 * algorithm on screen.
 */
export function PresetsGallery({
  initial,
  onOpen,
}: {
  initial: PresetShelf;
  onOpen: (link: string) => void;
}) {
  const shelves = presetShelves();
  const [chosen, setChosen] = useState<PresetShelf>(
    shelves.some((s) => s.shelf === initial) ? initial : shelves[0]!.shelf,
  );
  const tabId = (s: PresetShelf) => `preset-shelf-${s.replace(/\W+/g, '-').toLowerCase()}`;
  const current = shelves.find((s) => s.shelf === chosen)!;
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it.
  const onKey = (e: React.KeyboardEvent) => {
    const at = shelves.findIndex((s) => s.shelf === chosen);
    const by = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (by === 0) return;
    e.preventDefault();
    const next = shelves[(at + by + shelves.length) % shelves.length]!.shelf;
    setChosen(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <>
      <div className="preset-shelves" role="tablist" aria-label="Preset shelves" onKeyDown={onKey}>
        {shelves.map(({ shelf, presets }) => (
          <button
            key={shelf}
            id={tabId(shelf)}
            type="button"
            role="tab"
            aria-selected={shelf === chosen}
            aria-controls="preset-shelf-panel"
            tabIndex={shelf === chosen ? 0 : -1}
            onClick={() => setChosen(shelf)}
          >
            {shelf} <span className="preset-shelf-count">({presets.length})</span>
          </button>
        ))}
      </div>
      <ul className="presets" id="preset-shelf-panel" role="tabpanel" aria-labelledby={tabId(chosen)}>
        {current.presets.map((p) => (
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
    </>
  );
}
