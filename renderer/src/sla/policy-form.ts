import type { ProcedureInput } from '../../../shared/ipc/contract.ts';
import { Priority, type SlaPolicy } from '../../../shared/model/index.ts';
import { slaPolicyRefusal } from '../../../shared/rules/sla.ts';

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The editor's text fields: a day as "09:00-12:00, 13:00-17:00" (empty: day off), holidays one per line, targets in minutes (empty: none). */
export interface PolicyForm {
  name: string;
  timeZone: string;
  week: string[];
  holidays: string;
  targets: Record<Priority, { firstResponse: string; resolution: string }>;
  atRiskMinutes: string;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function toForm(p: SlaPolicy): PolicyForm {
  const target = (n: number | null) => (n === null ? '' : String(n));
  return {
    name: p.name,
    timeZone: p.timeZone,
    week: p.week.map((day) => day.map((h) => `${hhmm(h.start)}-${hhmm(h.end)}`).join(', ')),
    holidays: p.holidays.join('\n'),
    targets: Object.fromEntries(
      Priority.options.map((pr) => [pr, { firstResponse: target(p.targets[pr]?.firstResponseMinutes ?? null), resolution: target(p.targets[pr]?.resolutionMinutes ?? null) }]),
    ) as PolicyForm['targets'],
    atRiskMinutes: String(p.atRiskMinutes),
  };
}

function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

function parseMinutes(text: string, what: string): number | null | string {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : `${what} must be a whole number of minutes above 0, or empty for no target.`;
}

/** The save's input, or what is wrong in words. */
export function fromForm(form: PolicyForm): { ok: true; value: ProcedureInput<'sla.savePolicy'> } | { ok: false; error: string } {
  if (!form.name.trim()) return { ok: false, error: 'The policy needs a name.' };
  const week: { start: number; end: number }[][] = [];
  for (const [i, text] of form.week.entries()) {
    const day: { start: number; end: number }[] = [];
    for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [a, b, ...rest] = part.split(/\s*[-–]\s*/);
      const start = a === undefined ? null : parseTime(a);
      const end = b === undefined ? null : parseTime(b);
      if (start === null || end === null || rest.length) return { ok: false, error: `${WEEKDAY_NAMES[i]}: write hours as 09:00-17:00, separated by commas.` };
      day.push({ start, end });
    }
    week.push(day);
  }
  const holidays = form.holidays.split(/[\s,]+/).filter(Boolean);
  const targets = {} as ProcedureInput<'sla.savePolicy'>['targets'];
  for (const pr of Priority.options) {
    const first = parseMinutes(form.targets[pr].firstResponse, `The ${pr} first-response target`);
    const resolution = parseMinutes(form.targets[pr].resolution, `The ${pr} resolution target`);
    if (typeof first === 'string') return { ok: false, error: first };
    if (typeof resolution === 'string') return { ok: false, error: resolution };
    targets[pr] = { firstResponseMinutes: first, resolutionMinutes: resolution };
  }
  const atRisk = Number(form.atRiskMinutes);
  if (!Number.isInteger(atRisk) || atRisk < 0) return { ok: false, error: 'At risk: a whole number of minutes (0 or more).' };
  const value = { name: form.name.trim(), timeZone: form.timeZone.trim(), week, holidays, targets, atRiskMinutes: atRisk };
  const refusal = slaPolicyRefusal(value);
  return refusal ? { ok: false, error: refusal } : { ok: true, value };
}
