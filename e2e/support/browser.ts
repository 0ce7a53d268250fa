/** Debian's Chromium driven by playwright-core: no browser download, no network. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT } from './root.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Headless Debian Chromium. playwright's launch() gives every browser a fresh temporary
 * profile (user-data-dir) and deletes it on close, so no state leaks between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: apt-get update && apt-get install -y chromium fonts-wqy-microhei`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Waits for CSS transitions and animations that end (a drawer sliding in), ignoring spinners. */
export async function settle(page: Page, timeoutMs = 2_000): Promise<void> {
  await page.evaluate(
    (ms) =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((resolve) => setTimeout(resolve, ms)),
      ]),
    timeoutMs,
  );
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  const dir = path.join(ROOT, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Clicks a point that really lies on the element. The centre of a concave grid polygon's box
 * may be on a neighbour or on the background, so sample the box, nearest the centre first,
 * for a point whose surroundings (±3 px) are all this element.
 */
export async function clickInside(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  // No named helpers inside: tsx's keepNames would reference a __name the page does not have.
  const point = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let i = 1; i < 24; i++) {
      for (let j = 1; j < 24; j++) {
        const x = r.left + (r.width * i) / 24;
        const y = r.top + (r.height * j) / 24;
        candidates.push({ x, y, d: Math.hypot(i - 12, j - 12) });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    return (
      candidates.find((p) =>
        [
          [0, 0],
          [3, 0],
          [-3, 0],
          [0, 3],
          [0, -3],
        ].every(([dx, dy]) => document.elementFromPoint(p.x + dx!, p.y + dy!) === el),
      ) ?? null
    );
  });
  // playwright measures the box with the stroke, the DOM without: convert via its own box.
  const box = await locator.boundingBox();
  if (!point || !box) throw new Error('no visible point of the element can be clicked');
  await locator.click({ position: { x: point.x - box.x, y: point.y - box.y } });
}

/**
 * Picks `text` in the antd Select `field` and waits until its dropdown has closed. A click that
 * lands while the dropdown is still sliding open can miss the option, and the open dropdown then
 * covers the dialog's buttons (a CI failure of cadres.e2e); the option is clicked again then.
 */
export async function chooseOption(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    await open.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
    try {
      await open.last().waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
