/**
 * Browser-test harness: the real server on a free port with a fresh data directory, and
 * Debian's Chromium driven by playwright-core. Tests import everything from here.
 */
export { ROOT } from './support/root.ts';
export { startServer, type RunningServer } from './support/server.ts';
export { chooseOption, clickInside, launchBrowser, saveScreenshot, settle } from './support/browser.ts';
