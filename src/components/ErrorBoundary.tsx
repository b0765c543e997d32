// A page that never goes blank: a render error inside the boundary shows its message in place,
// with "Try again" (which re-mounts the children), and everything outside keeps working. Used
// around every panel (src/panels/LivePanel.tsx) and every route (App.tsx).
import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message: "The panel “Attention weights”", "This page". */
  what: string;
  children: ReactNode;
  /** When this value changes, a caught error is cleared (e.g. a new run or another model). */
  resetKey?: unknown;
  testId?: string;
}

interface State {
  error: Error | null;
  resetKey: unknown;
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // New data may well draw: clear the error and try once more.
    if (props.resetKey !== state.resetKey) return { resetKey: props.resetKey, error: null };
    return null;
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  render() {
    const { error, attempt } = this.state;
    if (error)
      return (
        <div className="error error-boundary" role="alert" data-testid={this.props.testId ?? 'error-boundary'}>
          <p>
            {this.props.what} stopped with an error: {error.message || error.name}
          </p>
          <button type="button" className="btn" onClick={this.retry} data-testid="error-retry">
            Try again
          </button>
        </div>
      );
    return <ChildrenAt key={attempt}>{this.props.children}</ChildrenAt>;
  }
}

/** A keyed wrapper, so "Try again" mounts the children afresh (their state may be what broke). */
function ChildrenAt({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
