import type { PanelId } from './folds';

/** A disclosure button for one panel: its name is the panel's, its state is aria-expanded. */
export function FoldToggle({
  panel,
  name,
  open,
  onToggle,
  className,
}: {
  panel: PanelId;
  name: string;
  open: boolean;
  onToggle(panel: PanelId): void;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`fold-toggle${className ? ` ${className}` : ''}`}
      aria-expanded={open}
      aria-controls={`panel-${panel}`}
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
