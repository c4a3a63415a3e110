import type { Budget } from './budgets.ts';
import type { Fixture } from '../data/fixture.ts';
import type { Figure, FigureBook, Unit } from './figures.ts';
import type { BenchOptions } from './options.ts';

/** What a suite measures with: the options, the workspace, and its own page of the figure book. */
export class SuiteContext {
  readonly suite: string;
  readonly options: BenchOptions;
  readonly #book: FigureBook;
  readonly #fixture: () => Promise<Fixture>;
  readonly #log: (line: string) => void;

  constructor(suite: string, options: BenchOptions, book: FigureBook, fixture: () => Promise<Fixture>, log: (line: string) => void) {
    this.suite = suite;
    this.options = options;
    this.#book = book;
    this.#fixture = fixture;
    this.#log = log;
  }

  fixture(): Promise<Fixture> {
    return this.#fixture();
  }

  figure(name: string, unit: Unit, samples: number | readonly number[], opts: { budget?: Budget; note?: string } = {}): Figure {
    return this.#book.record(this.suite, name, unit, samples, opts);
  }

  /** A figure an earlier suite of this run recorded (a ratio needs both sides). */
  earlier(suite: string, name: string): Figure | undefined {
    return this.#book.figures.find((f) => f.suite === suite && f.name === name && f.status === 'measured');
  }

  skipped(name: string, why: string): Figure {
    return this.#book.skipped(this.suite, name, why);
  }

  /** Runs one measurement; if it throws, the figure is recorded as failed and the suite goes on. */
  async attempt(name: string, measure: () => Promise<void>): Promise<void> {
    try {
      await measure();
    } catch (err) {
      // A network error says what happened only in its cause (fetch failed ← ECONNRESET).
      const cause = err instanceof Error && err.cause !== undefined ? `\n  cause: ${err.cause instanceof Error ? (err.cause.stack ?? err.cause.message) : String(err.cause)}` : '';
      this.log(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}${cause}`);
      this.#book.failed(this.suite, name, err);
    }
  }

  log(message: string): void {
    this.#log(`[${this.suite}] ${message}`);
  }
}

export interface Suite {
  name: string;
  run(ctx: SuiteContext): Promise<void>;
}
