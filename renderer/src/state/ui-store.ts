import { create } from 'zustand';
import type { ViewSort } from '../../../shared/ipc/features/queues.ts';
import type { QueueView } from '../../../shared/ipc/views.ts';

export type ComposerMode = 'reply' | 'note';

/** What the workspace shows: the queues beside the ticket, or the Reports screen. */
export type Section = 'queues' | 'reports';

/** UI state only; replica data lives in TanStack Query. Composer drafts are kept by the engine (draft.get / draft.save). */
interface UiState {
  section: Section;
  setSection(section: Section): void;
  view: QueueView;
  /** The highlighted queue row (moved by j/k). */
  cursorId: string | null;
  /** The ticket shown in the middle pane. */
  openTicketId: string | null;
  composerMode: ComposerMode;
  /**
   * Asks the composer to take focus (r / n shortcuts). Kept until the composer takes it,
   * so a request made while the ticket is still loading is honoured once it shows.
   */
  composerFocusPending: boolean;
  /** The Sync issues panel is open. */
  syncIssuesOpen: boolean;
  /** Tickets the merge dialog was opened for (from the ticket, or bulk from the queue); null when closed. */
  mergeTicketIds: string[] | null;
  openMerge(ticketIds: string[]): void;
  /** A saved view shown instead of the built-in `view`; null for the built-in one. */
  savedViewId: string | null;
  /** The sort menu's choice for the shown queue; null: the view's own order. */
  sortOverride: ViewSort | null;
  /** Tickets picked for a bulk action (x, Shift+click, *), in the order picked. */
  selectedIds: string[];
  /** The view editor: 'new', a saved view's id, or null when closed. */
  viewEditor: string | null;
  showSavedView(id: string): void;
  setSortOverride(sort: ViewSort | null): void;
  setSelection(ids: string[]): void;
  toggleSelected(id: string): void;
  openViewEditor(which: string | null): void;
  closeMerge(): void;
  /** The conversation shows field changes (the activity timeline); merge and link events always show. */
  showActivity: boolean;
  toggleActivity(): void;
  setView(view: QueueView): void;
  setCursor(id: string | null): void;
  openTicket(id: string): void;
  setComposerMode(mode: ComposerMode): void;
  focusComposer(mode: ComposerMode): void;
  composerFocused(): void;
  /** HTML waiting to go into the composer of a ticket (e.g. an article link from search); the composer takes it and clears it. */
  composerInsert: { ticketId: string; html: string } | null;
  insertIntoComposer(ticketId: string, html: string): void;
  composerInserted(): void;
  setSyncIssuesOpen(open: boolean): void;
}

export const useUi = create<UiState>()((set) => ({
  section: 'queues',
  setSection: (section) => set({ section }),
  view: 'mine',
  cursorId: null,
  openTicketId: null,
  composerMode: 'reply',
  composerFocusPending: false,
  syncIssuesOpen: false,
  setView: (view) => set({ section: 'queues', view, savedViewId: null, sortOverride: null, selectedIds: [], cursorId: null }),
  savedViewId: null,
  sortOverride: null,
  selectedIds: [],
  viewEditor: null,
  showSavedView: (savedViewId) => set({ section: 'queues', savedViewId, sortOverride: null, selectedIds: [], cursorId: null }),
  setSortOverride: (sortOverride) => set({ sortOverride }),
  setSelection: (selectedIds) => set({ selectedIds }),
  toggleSelected: (id) => set((s) => ({ selectedIds: s.selectedIds.includes(id) ? s.selectedIds.filter((x) => x !== id) : [...s.selectedIds, id] })),
  openViewEditor: (viewEditor) => set({ viewEditor }),
  setCursor: (cursorId) => set({ cursorId }),
  openTicket: (id) => set({ openTicketId: id, cursorId: id, composerFocusPending: false }),
  setComposerMode: (composerMode) => set({ composerMode }),
  focusComposer: (composerMode) => set({ composerMode, composerFocusPending: true }),
  composerFocused: () => set({ composerFocusPending: false }),
  composerInsert: null,
  insertIntoComposer: (ticketId, html) => set({ composerInsert: { ticketId, html }, composerMode: 'reply', composerFocusPending: true }),
  composerInserted: () => set({ composerInsert: null }),
  setSyncIssuesOpen: (syncIssuesOpen) => set({ syncIssuesOpen }),
  mergeTicketIds: null,
  openMerge: (mergeTicketIds) => set({ mergeTicketIds }),
  closeMerge: () => set({ mergeTicketIds: null }),
  showActivity: true,
  toggleActivity: () => set((s) => ({ showActivity: !s.showActivity })),
}));
