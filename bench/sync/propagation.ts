import { Priority } from '../../shared/model/index.ts';
import { within } from '../harness/deadline.ts';
import type { Workstation } from './workstation.ts';

const WAIT_MS = 30_000;

/**
 * Milliseconds from agent A's change (the invoke that records it) until agent B's engine answers
 * ticket.get with it: A's push, the server's commit and fan-out, B's delta and its replica write.
 */
export async function propagations(a: Workstation, b: Workstation, tickets: readonly string[], runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ticketId = tickets[i % tickets.length] as string;
    // The next priority after the current one: a change that is a real write.
    const current = (await a.desk.invoke('ticket.get', { id: ticketId }))?.ticket.priority ?? 'low';
    const priority = Priority.options[(Priority.options.indexOf(current) + 1) % Priority.options.length] as Priority;
    let off = () => {};
    const seen = new Promise<void>((resolve) => {
      const check = async () => {
        if ((await b.desk.invoke('ticket.get', { id: ticketId }))?.ticket.priority === priority) resolve();
      };
      off = b.desk.on('changed', ({ kinds }) => void (kinds.includes('ticket') && check()));
    });
    try {
      const started = performance.now();
      await a.desk.invoke('ticket.setPriority', { ticketId, priority });
      await within(WAIT_MS, 'A→B propagation', seen);
      samples.push(performance.now() - started);
    } finally {
      off();
    }
  }
  return samples;
}
