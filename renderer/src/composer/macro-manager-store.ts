import { create } from 'zustand';

/** Whether the macro manager is open (from the palette, or the macro picker). */
export const useMacroManager = create<{ open: boolean }>()(() => ({ open: false }));

export const openMacroManager = () => useMacroManager.setState({ open: true });
export const closeMacroManager = () => useMacroManager.setState({ open: false });
