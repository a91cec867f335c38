/**
 * Where a view's code failed to load (offline before the service worker stored it, or certbench
 * deployed again while this page was open and the old files are gone), or the view itself
 * stopped with an error, the view's place says which and offers a reload, instead of React
 * unmounting the whole page. The navigation and the workspace stay; another view can still be
 * opened. Keyed by the view by its caller, so moving to another view starts afresh.
 */
import { Component, type ReactNode } from 'react';
import { CodeLoadError } from '../lib/preloaded-lazy.tsx';

interface State {
  error?: Error;
}

export class ViewLoadBoundary extends Component<{ view: string; children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="banner warning">
        {error instanceof CodeLoadError ? (
          <p>
            certbench could not load the {this.props.view} view ({error.message}). If certbench was updated since this
            page was opened, or the network went away before it was stored for offline use, reload the page. Nothing in
            your workspace is lost.
          </p>
        ) : (
          <p>
            The {this.props.view} view stopped on an error certbench did not foresee ({error.message}). Nothing in your
            workspace is lost; the other views still work, and reloading the page starts this one afresh.
          </p>
        )}
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
