/** Keys typed into a field belong to the field, never to a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** Enter on these already does something (press, follow, switch tab). */
export function activatesOnEnter(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('button, a[href], summary, [role="button"], [role="tab"], [role="link"]');
}
