// App entry. No Reflect polyfill here: the page never loads @peculiar/x509 (lint keeps it to
// app/pki/light), and the worker loads the polyfill before the families that do (worker/ops.ts).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { registerServiceWorker } from './lib/service-worker.ts';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
registerServiceWorker();
