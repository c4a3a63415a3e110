import { useEffect, useRef, type KeyboardEvent } from 'react';

function restore(element: Element | null): void {
  if (element instanceof HTMLElement && element.isConnected) element.focus();
}

/**
 * What every shell overlay (palette, help, notifications) does on the way out: Escape closes it,
 * and focus goes back to where it was when the overlay opened (also when something else closed it).
 */
export function useOverlay(setOpen: (open: boolean) => void, returnFocusTo?: () => Element | null) {
  const previousFocus = useRef<Element | null>(document.activeElement);
  const target = () => returnFocusTo?.() ?? previousFocus.current;

  useEffect(
    () => () => {
      const active = document.activeElement;
      if (active === null || active === document.body) restore(returnFocusTo?.() ?? previousFocus.current);
    },
    // On unmount only.
    [],
  );

  const close = () => {
    restore(target());
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
  return { close, onKeyDown };
}
