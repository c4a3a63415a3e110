import { create } from 'zustand';
import type { QueueView } from '../../../shared/ipc/views.ts';

export type ComposerMode = 'reply' | 'note';

/** UI state only; replica data lives in TanStack Query. Drafts are kept in memory per ticket. */
interface UiState {
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
  drafts: Record<string, string>;
  /** The Sync issues panel is open. */
  syncIssuesOpen: boolean;
  /** Tickets the merge dialog was opened for (from the ticket, or bulk from the queue); null when closed. */
  mergeTicketIds: string[] | null;
  openMerge(ticketIds: string[]): void;
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
  setDraft(ticketId: string, text: string): void;
  /** Clears a sent draft, unless the agent already typed on. */
  clearDraftIfUnchanged(ticketId: string, sent: string): void;
  setSyncIssuesOpen(open: boolean): void;
}

export const useUi = create<UiState>()((set) => ({
  view: 'mine',
  cursorId: null,
  openTicketId: null,
  composerMode: 'reply',
  composerFocusPending: false,
  drafts: {},
  syncIssuesOpen: false,
  setView: (view) => set({ view, cursorId: null }),
  setCursor: (cursorId) => set({ cursorId }),
  openTicket: (id) => set({ openTicketId: id, cursorId: id, composerFocusPending: false }),
  setComposerMode: (composerMode) => set({ composerMode }),
  focusComposer: (composerMode) => set({ composerMode, composerFocusPending: true }),
  composerFocused: () => set({ composerFocusPending: false }),
  setDraft: (ticketId, text) => set((s) => ({ drafts: { ...s.drafts, [ticketId]: text } })),
  clearDraftIfUnchanged: (ticketId, sent) =>
    set((s) => {
      if (s.drafts[ticketId] !== sent) return {};
      const { [ticketId]: _sent, ...rest } = s.drafts;
      return { drafts: rest };
    }),
  setSyncIssuesOpen: (syncIssuesOpen) => set({ syncIssuesOpen }),
  mergeTicketIds: null,
  openMerge: (mergeTicketIds) => set({ mergeTicketIds }),
  closeMerge: () => set({ mergeTicketIds: null }),
  showActivity: true,
  toggleActivity: () => set((s) => ({ showActivity: !s.showActivity })),
}));
