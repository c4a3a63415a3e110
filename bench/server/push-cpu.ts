/**
 * Server CPU to apply a drain's pushes, in process, no HTTP: `count` priority changes (the sync
 * bench's offline work) in batches of `batch`, on a fresh SQLite demo workspace. For comparing
 * two versions of the push path back to back on one machine (wall times under load say little).
 * Run: node bench/server/push-cpu.ts [count=3000] [batch=100] [scale=0.01]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../shared/ids.ts';
import { DEMO_AGENT_EMAIL } from '../../server/demo/credentials.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { loadActor } from '../../server/auth/actor.ts';
import { openDatabase } from '../../server/store/dialect.ts';
import { migrate } from '../../server/store/migrate.ts';
import { ensureWorkspace } from '../../server/store/workspace.ts';
import { applyPush } from '../../server/sync/push.ts';
import { priorityChange } from '../sync/priority-churn.ts';

const [count = 3000, batch = 100, scale = 0.01] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(process.env.ORBIT_BENCH_DIR ?? tmpdir(), 'push-cpu-'));
const db = openDatabase({ dbFile: join(dir, 'server.sqlite') });
try {
  await migrate(db);
  await ensureWorkspace(db);
  await seedDemo(db, { scale });
  const agent = await db.selectFrom('agents').select('id').where('email', '=', DEMO_AGENT_EMAIL).executeTakeFirstOrThrow();
  const actor = (await loadActor(db, agent.id))!;
  const team = actor.visibility.all ? null : actor.visibility.scopes;
  const tickets = (await db.selectFrom('tickets').select(['id', 'scope', 'status']).execute())
    .filter((t) => t.status !== 'closed' && (team === null || team.includes(t.scope)))
    .map((t) => t.id);
  const clientId = newId();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let done = 0; done < count; done += batch) {
    const mutations = Array.from({ length: Math.min(batch, count - done) }, (_, i) => ({
      id: done + i + 1,
      name: 'ticket.setPriority@1',
      args: priorityChange(tickets, done + i),
      createdAt: new Date().toISOString(),
    }));
    const answer = await applyPush(db, actor, { clientId, mutations }, () => {});
    const bad = answer.results.find((r) => r.status !== 'applied');
    if (bad) throw new Error(`mutation ${bad.id}: ${JSON.stringify(bad)}`);
  }
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  console.log(`${count} mutations in batches of ${batch} over ${tickets.length} tickets: CPU ${(ms / 1000).toFixed(2)} s (${(ms / count).toFixed(3)} ms a mutation), wall ${((performance.now() - started) / 1000).toFixed(2)} s`);
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
