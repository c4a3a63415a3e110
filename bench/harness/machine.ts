import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** The 1-minute load average over the run (sampled every 30 s): above the core count, other work competed for the CPU. */
  load: { mean: number; max: number };
}

/** What the figures were measured on: they mean little without it. */
export function describeMachine(load: Machine['load']): Machine {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    load,
  };
}

/** Samples the load average while a run lasts; `stop` answers its mean and max. */
export function sampleLoad(): { stop(): Machine['load'] } {
  const samples = [loadavg()[0] ?? 0];
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), 30_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadavg()[0] ?? 0);
      const round = (n: number) => Math.round(n * 10) / 10;
      return { mean: round(samples.reduce((a, b) => a + b, 0) / samples.length), max: round(Math.max(...samples)) };
    },
  };
}

export const machineLine = (m: Machine) =>
  `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, load average ${m.load.mean} (max ${m.load.max})`;
