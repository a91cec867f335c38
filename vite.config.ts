/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precacheServiceWorker } from './app/build/precache-plugin.ts';

/**
 * The production page may talk to nobody: the CSP forbids every network egress and every
 * third-party origin. It is injected as the first element of <head> so no earlier tag can
 * escape it. Dev mode skips it because Vite's HMR needs a websocket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'certbench-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<head>/i,
          `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
        ),
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), precacheServiceWorker()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
    setupFiles: ['app/test/setup.ts'],
    globalSetup: ['app/test/temp-root.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
