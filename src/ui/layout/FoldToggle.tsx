import type { PanelId } from './folds';

/** A disclosure button for one panel: its name is the panel's, its state is aria-expanded. */
export function FoldToggle({
  panel,
  name,
  open,
  onToggle,
  className,
  controls,
}: {
  panel: PanelId;
  name: string;
  open: boolean;
  onToggle(panel: PanelId): void;
  className?: string;
  /** The ids of the elements it opens, where they are not the one `panel-<panel>`. */
  controls?: string;
}) {
  return (
    <button
      type="button"
      className={`fold-toggle${className ? ` ${className}` : ''}`}
      aria-expanded={open}
      aria-controls={controls ?? `panel-${panel}`}
      title={open ? `Fold the ${name.toLowerCase()} away` : `Open the ${name.toLowerCase()}`}
      onClick={() => onToggle(panel)}
    >
      <span className="fold-mark" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>{' '}
      {name}
    </button>
  );
}
