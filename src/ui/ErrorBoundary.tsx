import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the panel in the message, e.g. "Scenario editor". */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A panel that throws shows why, in its own place, instead of blanking the page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the developer console; the panel itself says what failed.
    console.warn(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <p>
          <strong>{this.props.name}</strong> could not be shown: {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
