/**
 * Test helper: start a server that must be told its port before it starts (a snippet renders the
 * port into its own code, so port 0 is no option). A port from freePort is free when it is picked
 * but not reserved: until the server binds it, any other process on the machine (another test
 * file's server, in the next worker) can take it. Then the start fails with EADDRINUSE, and is
 * tried again on a freshly picked port instead of failing the test.
 */
import { freePort } from '../layouts/testing/processes.ts';

/** How many ports to try before the bind failure is the test's failure. */
const ATTEMPTS = 5;

/** True for a start that failed only because the port was taken ("listen EADDRINUSE", "Address already in use"). */
export function isPortTaken(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /EADDRINUSE|address already in use/i.test(text);
}

/** Run `start` with a free port; on EADDRINUSE, again with another (any other failure is thrown at once). */
export async function onFreePort<T>(start: (port: number) => Promise<T>, attempts = ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (e) {
      if (attempt >= attempts || !isPortTaken(e)) throw e;
    }
  }
}
