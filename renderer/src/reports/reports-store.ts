import { create } from 'zustand';
import type { ReportDefinition, ReportKey, ReportRange } from '../../../shared/reports/index.ts';

/** What the drill-down lists: the tickets behind one value of a report. */
export interface DrillTarget {
  title: string;
  definition: ReportDefinition;
  keys: ReportKey[];
}

export type ReportsTab = 'dashboard' | 'custom';

/** The Reports screen's own state: its range and team filter, the tab, the builder's subject, the drill-down. */
interface ReportsState {
  tab: ReportsTab;
  range: ReportRange;
  /** Teams the dashboard looks at; empty: every team the agent can see. */
  teamIds: string[];
  /** The builder edits a saved report (its id) or a new one (null). */
  editingId: string | null;
  drill: DrillTarget | null;
  /** The side column shows the ticket opened from the drill-down (else the list). */
  ticketShown: boolean;
  setTab(tab: ReportsTab): void;
  setRange(range: ReportRange): void;
  setTeamIds(teamIds: string[]): void;
  edit(id: string | null): void;
  drillInto(target: DrillTarget | null): void;
  showTicket(shown: boolean): void;
}

export const useReports = create<ReportsState>()((set) => ({
  tab: 'dashboard',
  range: { lastDays: 7 },
  teamIds: [],
  editingId: null,
  drill: null,
  ticketShown: false,
  setTab: (tab) => set({ tab }),
  setRange: (range) => set({ range }),
  setTeamIds: (teamIds) => set({ teamIds }),
  edit: (editingId) => set({ editingId, tab: 'custom' }),
  drillInto: (drill) => set({ drill, ticketShown: false }),
  showTicket: (ticketShown) => set({ ticketShown }),
}));
