/** What the browser figures read and wait for, one definition each. */

/** The page's mark that the app is interactive (app/app.tsx: once the workspace is read). */
export const APP_READY = 'main[data-ready="true"]';

/** The system CA bundle the inspect figures read. */
export const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
