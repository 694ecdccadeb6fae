import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { ThemeButton } from './presentation/LookButtons';

/**
 * A screen beside the simulator (Experiments, All schedules): the title, the theme, the way back, and
 * the screen's body behind its own error boundary. Kept mounted while hidden, so its results stay.
 */
export function ScreenFrame({
  title,
  className = '',
  hidden,
  onBack,
  children,
}: {
  title: string;
  className?: string;
  hidden: boolean;
  onBack(): void;
  children: ReactNode;
}) {
  return (
    <div className={`screen-experiments ${className}`.trim()} hidden={hidden}>
      <header className="screen-top">
        <h1>
          Leader Election Lab <span className="muted">· {title}</span>
        </h1>
        <ThemeButton />
        <button type="button" className="screen-back" onClick={onBack}>
          Back to the simulator
        </button>
      </header>
      <div className="screen-body">
        <ErrorBoundary name={title}>{children}</ErrorBoundary>
      </div>
    </div>
  );
}
