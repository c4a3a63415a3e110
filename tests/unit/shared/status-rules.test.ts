import { describe, expect, it } from 'vitest';
import { TicketStatus } from '../../../shared/model/index.ts';
import { statusChangeRefusal } from '../../../shared/rules/status.ts';

describe('ticket status machine', () => {
  const all = TicketStatus.options;

  it('allows staying in the same status', () => {
    for (const s of all) expect(statusChangeRefusal(s, s)).toBeNull();
  });

  it('treats closed as final', () => {
    for (const to of all.filter((s) => s !== 'closed')) expect(statusChangeRefusal('closed', to)).toMatch(/follow-up/);
  });

  it('never goes back to new', () => {
    for (const from of all.filter((s) => s !== 'new')) expect(statusChangeRefusal(from, 'new')).not.toBeNull();
  });

  it('closes only solved tickets', () => {
    expect(statusChangeRefusal('solved', 'closed')).toBeNull();
    for (const from of ['new', 'open', 'pending', 'on_hold'] as const) expect(statusChangeRefusal(from, 'closed')).toMatch(/solved/);
  });

  it('moves freely between working statuses and reopens solved tickets', () => {
    expect(statusChangeRefusal('open', 'pending')).toBeNull();
    expect(statusChangeRefusal('pending', 'on_hold')).toBeNull();
    expect(statusChangeRefusal('new', 'solved')).toBeNull();
    expect(statusChangeRefusal('solved', 'open')).toBeNull();
  });
});
