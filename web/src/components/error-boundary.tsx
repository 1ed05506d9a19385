/** The last resort: a failure while showing a page becomes a readable message, not a blank screen. */
import { Component, type ReactNode } from "react";

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main id="main" className="main">
        <div className="narrow">
          <h1>Steward could not be shown</h1>
          <p>
            The server may be unreachable or restarting. Wait a moment, then reload the page. If this keeps
            happening, tell the person who runs Steward.
          </p>
          <p className="muted">Details: {this.state.error.message}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.reload();
            }}
          >
            Reload
          </button>
        </div>
      </main>
    );
  }
}
