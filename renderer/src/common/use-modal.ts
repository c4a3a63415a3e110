import { useEffect, useRef } from 'react';

/** A native modal dialog shown while `open`: it traps focus and closes on Escape (its 'close' event tells the owner). */
export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return ref;
}
