import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

/** The boxes of the top bar's controls, as laid out now. */
async function controls(page: Page) {
  return page.locator('.top-bar > *').evaluateAll((items) =>
    items
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: (el.textContent ?? el.className).trim().slice(0, 30), left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
      })
      .filter((box) => box.width > 0),
  );
}

test('the top bar stays one line and no control covers another, down to a 1,100 px window', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  for (const width of [1280, 1100]) {
    await page.setViewportSize({ width, height: 720 });
    const boxes = await controls(page);
    expect(boxes.length).toBeGreaterThan(8);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(a.right <= b.left + 0.5 || b.right <= a.left + 0.5, `${width} px: "${a.name}" and "${b.name}" overlap`).toBe(true);
      }
      expect(a.right, `${width} px: "${a.name}" ends outside the window`).toBeLessThanOrEqual(width);
    }
    // Every control inside the bar's single row.
    const bar = await page.locator('.top-bar').boundingBox();
    for (const box of boxes) expect(box.bottom, `${width} px: "${box.name}" wraps below the bar`).toBeLessThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0) + 0.5);
  }
});
