/**
 * Build step: the service worker learns every file of this build, so it stores them all when it
 * installs. The worker's operations load in chunks on first use (app/worker/ops.ts); without this
 * a chunk never fetched while online (say PKCS#12 export) would be missing offline.
 *
 * public/sw.js carries two markers this step fills in after Vite has written dist/: the list of
 * files and a version named after them, so a new build is a new service worker (the browser
 * installs it, it stores the new files, and its activation drops the old cache).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

export const PRECACHE_MARKER = 'const PRECACHE = []; // filled in by the build';
export const VERSION_MARKER = "const VERSION = 'dev'; // filled in by the build";
const SERVICE_WORKER = 'sw.js';

/** Every file under `dir`, as './'-relative URL paths, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(`./${relative(dir, path).split(sep).join('/')}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** sw.js with the file list and version filled in; throws when a marker is missing (a silent miss would break offline use). */
export function fillServiceWorker(source: string, files: readonly string[]): string {
  if (!source.includes(PRECACHE_MARKER) || !source.includes(VERSION_MARKER))
    throw new Error(`${SERVICE_WORKER}: the precache markers are missing ("${PRECACHE_MARKER}", "${VERSION_MARKER}")`);
  const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
  return source
    .replace(PRECACHE_MARKER, `const PRECACHE = ${JSON.stringify(files)};`)
    .replace(VERSION_MARKER, `const VERSION = '${version}';`);
}

export function precacheServiceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'certbench-precache',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    // After the page's bundle is written (the public folder is copied before it); Vite runs this
    // hook for the worker's sub-builds too, which write no index.html and are skipped.
    writeBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (!('index.html' in bundle)) return;
        const outDir = resolve(config.root, config.build.outDir);
        const swPath = join(outDir, SERVICE_WORKER);
        // sw.js itself is fetched by the browser, never from the cache; .vite/ holds build metadata.
        const files = filesUnder(outDir).filter((f) => f !== `./${SERVICE_WORKER}` && !f.startsWith('./.vite/'));
        writeFileSync(swPath, fillServiceWorker(readFileSync(swPath, 'utf8'), files));
      },
    },
  };
}
