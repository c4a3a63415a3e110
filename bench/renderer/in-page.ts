// Functions Playwright runs inside the page (serialized: they may use nothing from outside themselves).

/**
 * Jumps the queue to `top` pixels, waits for real rows there, clicks the one at the middle of the
 * list, and resolves with the milliseconds from the click to the first animation frame whose DOM
 * shows that ticket (its number in the header) and its customer pane loaded.
 */
export function clickRowUntilPainted(top: number): Promise<number> {
  const list = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Tickets"]');
  if (!list) return Promise.reject(new Error('No ticket list on the page.'));
  list.scrollTop = top;
  const rect = list.getBoundingClientRect();
  const rowAtMiddle = () => document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)?.closest<HTMLElement>('[role="option"]') ?? null;
  const shown = (number: string) =>
    document.querySelector('main .ticket-header .ticket-number')?.textContent === number &&
    // Loaded: the pane's own sections, not the note it shows while loading.
    document.querySelector('aside[aria-label="Customer"] > section') !== null;
  return new Promise((resolve) => {
    const clickWhenLoaded = () => {
      const row = rowAtMiddle();
      if (!row) return void requestAnimationFrame(clickWhenLoaded);
      const number = row.querySelector('.ticket-number')?.textContent ?? '';
      const started = performance.now();
      row.click();
      const frame = () => (shown(number) ? resolve(performance.now() - started) : void requestAnimationFrame(frame));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(clickWhenLoaded);
  });
}

export interface ScrollFrames {
  /** Milliseconds between consecutive animation frames while scrolling. */
  frames: number[];
  /** Frames whose middle row was still a placeholder (its page not loaded yet). */
  blank: number;
  rows: number;
}

/** Scrolls the queue by `step` pixels every frame for `ms`, recording each frame's duration. */
export function scrollQueue({ step, ms }: { step: number; ms: number }): Promise<ScrollFrames> {
  const list = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Tickets"]');
  if (!list) return Promise.reject(new Error('No ticket list on the page.'));
  const rect = list.getBoundingClientRect();
  const frames: number[] = [];
  let blank = 0;
  return new Promise((resolve) => {
    let last = 0;
    let started = 0;
    const frame = (now: number) => {
      if (last) frames.push(now - last);
      else started = now;
      last = now;
      const middle = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      if (middle?.closest('.is-placeholder')) blank += 1;
      if (now - started >= ms) return resolve({ frames, blank, rows: Math.round(list.scrollTop / 56) });
      list.scrollTop += step;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** True once the queue list is on the page and not loading. */
export function queueReady(): boolean {
  return document.querySelector('[role="listbox"][aria-label="Tickets"]')?.getAttribute('aria-busy') === 'false';
}

type Watched = Window & { orbitBenchShownAt?: Promise<number> };

/**
 * Starts watching the page, every animation frame, for an element matching `selector`; `shownAt`
 * then resolves with the wall-clock milliseconds (performance.timeOrigin + now, comparable with
 * another process's) of the first frame whose DOM has it, the frame that paints it.
 */
export function watchFor(selector: string): void {
  (window as Watched).orbitBenchShownAt = new Promise((resolve) => {
    const frame = () => (document.querySelector(selector) ? resolve(performance.timeOrigin + performance.now()) : void requestAnimationFrame(frame));
    requestAnimationFrame(frame);
  });
}

/** When the element `watchFor` watches for was first shown (waits for it). */
export function shownAt(): Promise<number> {
  return (window as Watched).orbitBenchShownAt ?? Promise.reject(new Error('watchFor was not called on this page.'));
}
