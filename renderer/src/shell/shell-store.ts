import { create } from 'zustand';

/** UI state of the shell's overlays (palette, help, notifications). Kept apart from ui-store.ts, which features share. */
interface ShellState {
  paletteOpen: boolean;
  helpOpen: boolean;
  notificationsOpen: boolean;
  setPaletteOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setNotificationsOpen(open: boolean): void;
}

export const useShell = create<ShellState>()((set) => ({
  paletteOpen: false,
  helpOpen: false,
  notificationsOpen: false,
  // One overlay at a time: opening one closes the others.
  setPaletteOpen: (paletteOpen) => set(paletteOpen ? { paletteOpen, helpOpen: false, notificationsOpen: false } : { paletteOpen }),
  setHelpOpen: (helpOpen) => set(helpOpen ? { helpOpen, paletteOpen: false, notificationsOpen: false } : { helpOpen }),
  setNotificationsOpen: (notificationsOpen) => set(notificationsOpen ? { notificationsOpen, paletteOpen: false, helpOpen: false } : { notificationsOpen }),
}));
