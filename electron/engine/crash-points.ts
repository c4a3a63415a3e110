/**
 * Moments where a crash (process killed, power cut) must still lose nothing the agent wrote. The
 * fault simulator (tests/integration/sim) makes the engine crash exactly there.
 */
export const crashPoints = [
  /** A mutation has committed to the outbox; sync has not been nudged to push it. */
  'outbox.committed',
  /** The server answered a push (so it committed it); the engine has not recorded the answer. */
  'push.answered',
  /** Inside the transaction that applies a pull page or a realtime delta, after the rebase wrote everything, before COMMIT. */
  'pull.applying',
] as const;
export type CrashPoint = (typeof crashPoints)[number];

/** Tests only: asked at every crash point reached whether the engine crashes there. */
export interface EngineFaults {
  crashAt(point: CrashPoint): boolean;
}

/**
 * The engine's crash points. Without faults, reaching one does nothing. When the faults say
 * crash, `crash` runs once and the flow that reached the point never resumes (nor does any later
 * one): no code of a dead process runs after its death.
 */
export class CrashPoints {
  readonly #faults: EngineFaults | undefined;
  #crash: () => void = () => undefined;
  #crashed = false;

  constructor(faults?: EngineFaults) {
    this.#faults = faults;
  }

  /** What a crash does to this engine; set once the engine exists. */
  onCrash(crash: () => void): void {
    this.#crash = crash;
  }

  async reach(point: CrashPoint): Promise<void> {
    if (!this.#crashed && !this.#faults?.crashAt(point)) return;
    if (!this.#crashed) {
      this.#crashed = true;
      this.#crash();
    }
    await new Promise<never>(() => undefined);
  }
}
