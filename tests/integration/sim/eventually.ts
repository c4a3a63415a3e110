import { setTimeout as sleep } from 'node:timers/promises';

/** Waits until `condition` holds, looking again every few milliseconds; the test's own timeout bounds it. */
export async function eventually(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(5);
}
