/**
 * The shell: header, navigation, banners, and the current view, lazy-loaded so the first page
 * carries only React, the store and the view it shows. Input waits for the workspace to load.
 */
import { Suspense, useEffect, useRef, type ComponentType, type ReactElement } from 'react';
import { useHashRoute } from './lib/hash-route.ts';
import { preloadedLazy } from './lib/preloaded-lazy.tsx';
import { ViewLoadBoundary } from './components/view-load-boundary.tsx';
import { useApp } from './store/index.ts';
import { InsecureBanner } from './features/shell/insecure-banner.tsx';
import { FirstVisitIntro } from './features/shell/first-visit-intro.tsx';
import { MainNav } from './features/shell/main-nav.tsx';
import { StorageBanner } from './features/shell/storage-banner.tsx';
import { LockControl } from './features/lock/lock-control.tsx';

interface View {
  id: string;
  label: string;
  /** Draws the view: at once once its code is loaded, through Suspense until then (preloaded-lazy.tsx). */
  component: (props: object) => ReactElement;
  /** Fetch and evaluate the view's code; a failure is left to the view, which meets it again where it would be. */
  preload: () => void;
}

function view(id: string, label: string, importView: () => Promise<ComponentType>): View {
  const { preload, Component } = preloadedLazy<object>(importView);
  return { id, label, component: Component, preload };
}

const VIEWS: readonly View[] = [
  view('cluster', 'Cluster', async () => (await import('./features/cluster/cluster-view.tsx')).ClusterView),
  view(
    'authorities',
    'Authorities',
    async () => (await import('./features/authorities/authorities-view.tsx')).AuthoritiesView,
  ),
  view('issue', 'Issue', async () => (await import('./features/issue/issue-view.tsx')).IssueView),
  view('sign-csr', 'Sign CSR', async () => (await import('./features/csr/csr-view.tsx')).CsrView),
  view('inspect', 'Inspect', async () => (await import('./features/inspect/inspect-view.tsx')).InspectView),
  view('export', 'Export', async () => (await import('./features/export/export-view.tsx')).ExportView),
  view('workspace', 'Workspace', async () => (await import('./features/workspace/workspace-view.tsx')).WorkspaceView),
];

/** The view a route names; the first view for none or an unknown one. */
function viewOf(route: string): View | undefined {
  return VIEWS.find((v) => v.id === route) ?? VIEWS[0];
}

export function App() {
  const { route, requested, pending } = useHashRoute();
  const current = viewOf(route);
  const hydrated = useApp((s) => s.hydrated);
  const mainRef = useRef<HTMLElement>(null);
  const Current = current?.component;

  // Moving between views moves focus to the new view, as a page load would.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [route]);

  useEffect(() => {
    if (current) document.title = `${current.label} · certbench`;
  }, [current]);

  // The view's code loads while the workspace is read, not once it has been: otherwise its
  // preloads (a <link> per chunk) ran in the task that ends hydration, 17-38 ms of a 50-140 ms
  // task when a workspace of 1,000 items opened (Chromium traces, app/bench/workspace-open.ts).
  // A failure is left to the lazy view, which meets it again where the view would be.
  useEffect(() => {
    current?.preload();
  }, [current]);

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <h1>certbench</h1>
        <p className="tagline">Private CAs and mTLS certificates, made in your browser. Nothing leaves this page.</p>
        {/* The link followed is marked at once, while <main> still shows the view it leaves (aria-busy). */}
        <MainNav entries={VIEWS} current={viewOf(requested)?.id ?? ''} />
        <LockControl />
      </header>
      <InsecureBanner />
      <StorageBanner />
      {/* On wide screens the introduction stands beside the view, so it costs the view no height. */}
      <div className="app-body">
        <FirstVisitIntro />
        <main
          id="main"
          ref={mainRef}
          tabIndex={-1}
          data-ready={hydrated ? 'true' : 'false'}
          data-pending={pending ? 'true' : undefined}
          aria-busy={!hydrated || pending}
        >
          {!hydrated || !Current ? (
            <p role="status">Loading your workspace…</p>
          ) : (
            // The Suspense boundary stays while views change, so a change (a transition) keeps the
            // view on screen until the next has loaded; a new boundary would show its fallback.
            <Suspense fallback={<p role="status">Loading…</p>}>
              <ViewLoadBoundary key={current.id} view={current.label}>
                <Current />
              </ViewLoadBoundary>
            </Suspense>
          )}
        </main>
      </div>
    </>
  );
}
