import { budgetLabel, type Budget } from './budgets.ts';
import { summarize, type Summary } from './stats.ts';

/** ms, s, rows/s, %… — printed after each number. */
export type Unit = string;

export interface Figure {
  suite: string;
  name: string;
  unit: Unit;
  /** measured: has a summary; failed: the measurement threw. */
  status: 'measured' | 'failed' | 'skipped';
  summary?: Summary;
  budget?: Budget;
  budgetLabel?: string;
  met?: boolean;
  note?: string;
}

interface FigureOptions {
  budget?: Budget;
  note?: string;
}

function meets(summary: Summary, budget: Budget): boolean {
  const value = budget.on === 'value' ? summary.median : summary[budget.on];
  return budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
}

/** The figures of one run, in the order they were taken. */
export class FigureBook {
  readonly figures: Figure[] = [];
  readonly #onFigure: (figure: Figure) => void;

  constructor(onFigure: (figure: Figure) => void = () => {}) {
    this.#onFigure = onFigure;
  }

  /** A figure from repeated samples (or one value): median, p95, p99, min, max. */
  record(suite: string, name: string, unit: Unit, samples: number | readonly number[], opts: FigureOptions = {}): Figure {
    const summary = summarize(typeof samples === 'number' ? [samples] : samples);
    return this.#add({
      suite,
      name,
      unit,
      status: 'measured',
      summary,
      ...(opts.budget && { budget: opts.budget, budgetLabel: budgetLabel(opts.budget, unit), met: meets(summary, opts.budget) }),
      ...(opts.note && { note: opts.note }),
    });
  }

  failed(suite: string, name: string, error: unknown): Figure {
    return this.#add({ suite, name, unit: '', status: 'failed', note: error instanceof Error ? error.message : String(error) });
  }

  skipped(suite: string, name: string, why: string): Figure {
    return this.#add({ suite, name, unit: '', status: 'skipped', note: why });
  }

  #add(figure: Figure): Figure {
    this.figures.push(figure);
    this.#onFigure(figure);
    return figure;
  }
}
