import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (CI installs the `chromium` package); CHROMIUM_PATH overrides it elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile (Playwright makes a temporary one per launch) and
 * nothing that reaches for the network on its own: the tests run offline.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The end-to-end test drives the real Agents Playground in it: ` +
        'install it (`apt-get install -y chromium` on Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The browser is the user's, not the system under test: under `npm run test:any-day` it runs on
    // the real clock (libfaketime inside Chromium's processes stalls page loads).
    env: withoutFakeClock(process.env),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The environment without libfaketime's preload and settings. */
function withoutFakeClock(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !/^(?:LD_PRELOAD|FAKETIME\w*)$/.test(entry[0]),
    ),
  );
}
