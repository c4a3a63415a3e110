/** Keys typed into a field belong to the field, never to a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // `closest` too: not every DOM implements isContentEditable (jsdom does not).
  return target.isContentEditable || target.matches('input, textarea, select') || target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** Enter on these already does something (press, follow, switch tab). */
export function activatesOnEnter(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('button, a[href], summary, [role="button"], [role="tab"], [role="link"]');
}
