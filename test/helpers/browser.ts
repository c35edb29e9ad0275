/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for the tests that read an
 * output back the way a person's browser does. Outside CI a machine without Chromium skips those tests
 * with a printed reason; under CI=true they always run (and fail if Chromium is missing).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const hasChromium = existsSync(CHROMIUM_PATH);
/** Whether browser tests run here: Chromium is installed, or this is CI (where its absence is a failure). */
export const runBrowserTests = hasChromium || !!process.env.CI;

if (!runBrowserTests) console.warn(`skipping browser tests: ${CHROMIUM_PATH} not found (apt-get install chromium)`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
