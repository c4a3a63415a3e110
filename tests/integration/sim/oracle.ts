import { EntityKind, type Agent, type EntityOf, type Ticket } from '../../../shared/model/index.ts';
import { messageAdd } from '../../../shared/mutators/index.ts';
import type { ScopeChecksum } from '../../../shared/sync/protocol.ts';
import type { Delivery } from './fault-proxy.ts';
import type { ReplicaView } from './replica-reader.ts';
import { maySee } from './scope-rules.ts';
import type { ServerSnapshot } from './server-state.ts';
import type { Recorded } from './workstation.ts';

/** One workstation as the oracle sees it after the run. */
export interface StationState {
  name: string;
  agentId: string;
  view: ReplicaView;
  recorded: readonly Recorded[];
  /** The station's requests that reached the server, with the server's answers. */
  delivered: readonly Delivery[];
  /** Per scope of the replica: sums over its rows, the sums the engine recorded, and the server's. */
  checksums: { rows: readonly ScopeChecksum[]; recorded: readonly ScopeChecksum[]; server: readonly ScopeChecksum[] };
}

export interface Observation {
  server: ServerSnapshot;
  stations: readonly StationState[];
}

/** A guarantee, checked over one observation; answers what is wrong, in words (empty: holds). */
export interface OracleCheck {
  name: string;
  check(o: Observation): string[];
}

const MAX_LINES_PER_STATION = 6;
const key = (kind: EntityKind, id: string) => `${kind}:${id}`;

/** JSON with keys sorted, so that two rows compare equal exactly when they hold the same values. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function agentOf(o: Observation, station: StationState): Agent {
  const agent = o.server.rows.agent.find((a) => a.id === station.agentId);
  if (!agent) throw new Error(`The server has no agent ${station.agentId} (${station.name}).`);
  return agent;
}

function clip(lines: string[]): string[] {
  return lines.length <= MAX_LINES_PER_STATION ? lines : [...lines.slice(0, MAX_LINES_PER_STATION), `... and ${lines.length - MAX_LINES_PER_STATION} more`];
}

/** The messages a station's recorded message.add mutations created (or tried to), by message id. */
function messageAdds(station: StationState): Map<string, { mutationId: number; ticketId: string; body: string }> {
  const adds = new Map<string, { mutationId: number; ticketId: string; body: string }>();
  for (const r of station.recorded) {
    if (r.name !== messageAdd.name) continue;
    const args = messageAdd.args.parse(r.args);
    adds.set(args.id, { mutationId: r.mutationId, ticketId: args.ticketId, body: args.body });
  }
  return adds;
}

/**
 * Rows of the replica that the agent may not see. Rows carrying the agent's own pending change are
 * the agent's work on rows they had, not something the server sent, so they are left out. A
 * message is judged by its ticket as the replica holds it, else as the server does.
 */
export function scopeLeaks(agent: Agent, view: ReplicaView, serverTickets: ReadonlyMap<string, Ticket>): string[] {
  const replicaTickets = byId(view.rows.ticket);
  const ticketOf = (id: string) => replicaTickets.get(id) ?? serverTickets.get(id);
  const leaks: string[] = [];
  for (const kind of EntityKind.options) {
    for (const row of view.rows[kind] as EntityOf<EntityKind>[]) {
      // The agent's own pending changes (and the thread of a ticket they moved) stay until the server has answered.
      const ownTicket = kind === 'message' && view.locallyChanged.has(key('ticket', (row as EntityOf<'message'>).ticketId));
      if (view.locallyChanged.has(key(kind, row.id)) || ownTicket || maySee(agent, kind, row, ticketOf)) continue;
      leaks.push(`${kind} ${row.id} is outside ${agent.name}'s scopes`);
    }
  }
  return leaks;
}

/** Every replica equals the server's rows in that agent's scopes, field for field. */
export const converged: OracleCheck = {
  name: 'replica equals the server projection of its scopes',
  check(o) {
    const tickets = byId(o.server.rows.ticket);
    return o.stations.flatMap((station) => {
      const agent = agentOf(o, station);
      const problems: string[] = [];
      for (const kind of EntityKind.options) {
        const serverRows = o.server.rows[kind] as EntityOf<EntityKind>[];
        const expected = new Map(serverRows.filter((r) => maySee(agent, kind, r, (id) => tickets.get(id))).map((r) => [r.id, canonical(r)]));
        const actual = new Map((station.view.rows[kind] as EntityOf<EntityKind>[]).map((r) => [r.id, canonical(r)]));
        for (const [id, json] of expected) {
          const mine = actual.get(id);
          if (mine === undefined) problems.push(`${kind} ${id} is missing`);
          else if (mine !== json) problems.push(`${kind} ${id} differs: replica ${mine} server ${json}`);
        }
        for (const id of actual.keys()) if (!expected.has(id)) problems.push(`${kind} ${id} is not in the server's projection`);
      }
      return clip(problems).map((p) => `${station.name}: ${p}`);
    });
  },
};

/**
 * Every mutation a replica recorded reached the server exactly once: the server's counter for the
 * client stands where the replica's does, each change the server attributes to the client comes
 * from a recorded, non-rejected mutation and is made once, and each message added exists once
 * unless its mutation was rejected.
 */
const exactlyOnce: OracleCheck = {
  name: 'each recorded mutation applied once or rejected once',
  check(o) {
    const messages = byId(o.server.rows.message);
    return o.stations.flatMap((station) => {
      const { view, recorded } = station;
      const problems: string[] = [];
      const ids = recorded.map((r) => r.mutationId);
      if (ids.some((id, i) => id !== i + 1) || ids.length !== view.lastMutationId) {
        problems.push(`the harness saw mutations [${ids.join(', ')}] but the replica counted ${view.lastMutationId}`);
      }
      const client = o.server.clients.find((c) => c.clientId === view.clientId);
      const serverLast = client?.lastMutationId ?? 0;
      if (serverLast !== view.lastMutationId) problems.push(`the server processed up to mutation ${serverLast}, the replica recorded ${view.lastMutationId}`);
      if (client && client.agentId !== station.agentId) problems.push(`the server ties client ${client.clientId} to agent ${client.agentId}`);

      const rejected = new Set(o.server.rejections.filter((r) => r.clientId === view.clientId).map((r) => r.mutationId));
      // Writers are serialised, so one commit's changes take one unbroken run of seqs: a mutation
      // applied twice shows as two runs. (One commit may write a row twice: a ticket that changes
      // scopes re-records its thread.)
      const seqsOf = new Map<number, number[]>();
      for (const change of o.server.changes.filter((c) => c.clientId === view.clientId)) {
        const what = `${change.kind} ${change.entityId} (mutation ${change.mutationId}, seq ${change.seq})`;
        if (change.mutationId < 1 || change.mutationId > view.lastMutationId) problems.push(`the server has a change this replica never made: ${what}`);
        if (rejected.has(change.mutationId)) problems.push(`a rejected mutation left a change: ${what}`);
        seqsOf.set(change.mutationId, [...(seqsOf.get(change.mutationId) ?? []), change.seq]);
      }
      for (const [mutationId, seqs] of seqsOf) {
        const distinct = [...new Set(seqs)].sort((a, b) => a - b);
        const first = distinct[0] ?? 0;
        if (distinct.some((seq, i) => seq !== first + i)) problems.push(`mutation ${mutationId} was committed more than once: seqs ${distinct.join(', ')}`);
      }

      for (const [id, add] of messageAdds(station)) {
        const stored = messages.get(id);
        if (rejected.has(add.mutationId)) {
          if (stored) problems.push(`message ${id} exists although mutation ${add.mutationId} was rejected`);
        } else if (!stored) {
          problems.push(`message ${id} (mutation ${add.mutationId}) never reached the server`);
        } else if (stored.body !== add.body || stored.ticketId !== add.ticketId || stored.authorId !== station.agentId) {
          problems.push(`message ${id} on the server is not the one written: ${JSON.stringify(stored)}`);
        }
      }
      return clip(problems).map((p) => `${station.name}: ${p}`);
    });
  },
};

/**
 * However often the network delivered a push, the server answered 'applied' at most once per
 * mutation, and never 'applied' for one it also rejected: resends are recognised as resends.
 */
const appliedOnce: OracleCheck = {
  name: 'the server applied each mutation at most once',
  check(o) {
    return o.stations.flatMap((station) => {
      const answers = new Map<number, string[]>();
      for (const d of station.delivered) for (const [id, status] of Object.entries(d.outcomes)) answers.set(Number(id), [...(answers.get(Number(id)) ?? []), status]);
      const wrong = [...answers].filter(([, list]) => list.filter((s) => s === 'applied').length > 1 || (list.includes('applied') && list.includes('rejected')));
      return clip(wrong.map(([id, list]) => `mutation ${id} was answered ${list.join(', ')}`)).map((p) => `${station.name}: ${p}`);
    });
  },
};

/** A refused mutation stays with its author: the replica keeps it as rejected, with the server's reason. */
const rejectionsVisible: OracleCheck = {
  name: 'every rejection is visible to its author',
  check(o) {
    return o.stations.flatMap((station) => {
      const onServer = o.server.rejections
        .filter((r) => r.clientId === station.view.clientId)
        .map((r) => `${r.mutationId}: ${r.reason}`)
        .sort();
      const kept = station.view.outbox
        .filter((e) => e.state === 'rejected')
        .map((e) => `${e.id}: ${e.error ?? ''}`)
        .sort();
      return JSON.stringify(onServer) === JSON.stringify(kept) ? [] : [`${station.name}: server rejected [${onServer.join(' | ')}], replica keeps [${kept.join(' | ')}]`];
    });
  },
};

/** No message written at a workstation appears twice, on the server or in any replica. */
const messagesOnce: OracleCheck = {
  name: 'messages are never duplicated',
  check(o) {
    const written = new Set(o.stations.flatMap((s) => [...messageAdds(s).values()].map((m) => `${m.ticketId}|${m.body}`)));
    const places = [{ name: 'server', messages: o.server.rows.message }, ...o.stations.map((s) => ({ name: s.name, messages: s.view.rows.message }))];
    return places.flatMap(({ name, messages }) => {
      const counts = new Map<string, number>();
      for (const m of messages) {
        const what = `${m.ticketId}|${m.body}`;
        if (written.has(what)) counts.set(what, (counts.get(what) ?? 0) + 1);
      }
      return [...counts].filter(([, n]) => n > 1).map(([what, n]) => `${name}: ${n} copies of ${what}`);
    });
  },
};

const noScopeLeak: OracleCheck = {
  name: 'no row outside the agent’s scopes',
  check(o) {
    const tickets = byId(o.server.rows.ticket);
    return o.stations.flatMap((s) => clip(scopeLeaks(agentOf(o, s), s.view, tickets)).map((p) => `${s.name}: ${p}`));
  },
};

/** Nothing is left to send: no pending or acknowledged mutation, no optimistic change left over. */
const outboxDrained: OracleCheck = {
  name: 'outboxes hold no pending work',
  check(o) {
    return o.stations.flatMap((s) => {
      const waiting = s.view.outbox.filter((e) => e.state !== 'rejected').map((e) => `${e.id} ${e.name} (${e.state})`);
      const changed = [...s.view.locallyChanged];
      return [...(waiting.length ? [`${s.name}: outbox still holds ${waiting.join(', ')}`] : []), ...(changed.length ? [`${s.name}: rows still carry local changes: ${changed.join(', ')}`] : [])];
    });
  },
};

/** The guarantees checked after quiescence. A new one (e.g. per-scope checksums agree) is one more entry. */
/** PowerSync's convergence check: per scope, the replica's rows, the engine's own record of them and the server agree. */
export const checksumsAgree: OracleCheck = {
  name: 'checksums agree',
  check: (o) =>
    o.stations.flatMap((station) => {
      const server = new Map(station.checksums.server.map((c) => [c.scope, c]));
      const differ = (label: string, sums: readonly ScopeChecksum[]) =>
        sums.flatMap((c) => {
          const s = server.get(c.scope);
          return s && s.count === c.count && s.sum === c.sum ? [] : [`${station.name} ${c.scope}: ${label} ${c.count}/${c.sum}, server ${s?.count}/${s?.sum}`];
        });
      return clip([...differ('rows', station.checksums.rows), ...differ('recorded', station.checksums.recorded)]);
    }),
};

export const oracleChecks: readonly OracleCheck[] = [converged, exactlyOnce, appliedOnce, rejectionsVisible, messagesOnce, noScopeLeak, outboxDrained, checksumsAgree];

/** Every broken guarantee, as `check: problem` lines; empty when all hold. */
export function verdict(o: Observation, checks: readonly OracleCheck[] = oracleChecks): string[] {
  return checks.flatMap((c) => c.check(o).map((problem) => `${c.name}: ${problem}`));
}
