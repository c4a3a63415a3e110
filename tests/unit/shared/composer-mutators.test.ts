import { describe, expect, it } from 'vitest';
import { Macro, Message } from '../../../shared/model/index.ts';
import { macroDelete, macroSave, messageAdd, MutationRejected } from '../../../shared/mutators/index.ts';
import { agentAlex, agentDee, as, leadLena, T0, T1, ticket, workspaceRows } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const MSG_ID = '0195f0a0-0000-7000-8000-0000000000e1';
const MACRO_ID = '0195f0a0-0000-7000-8000-0000000000b1';
const ATTACHMENT = { id: '0195f0a0-0000-7000-8000-0000000000b9', name: 'screen.png', contentType: 'image/png', size: 2048, sha256: 'a'.repeat(64) };

const sharedMacro: Macro = { id: MACRO_ID, title: 'Ask for details', body: 'Hi {{contact.first_name}}', kind: 'reply', actions: [], ownerId: null, createdAt: T0, updatedAt: T0 };

function world(ctx = as(agentAlex), extra: { kind: 'macro'; row: Macro }[] = []) {
  return memoryTx(ctx, [...workspaceRows, { kind: 'ticket', row: ticket() }, ...extra]);
}

describe('message.add@1 with rich text, mentions and attachments', () => {
  const old = { id: MSG_ID, ticketId: ticket().id, kind: 'note' as const, body: 'Plain, as an older version sent it.' };

  it('still replays the arguments an older version queued: no HTML, no mentions, no attachments', async () => {
    const w = world();
    await messageAdd.run(w.tx, messageAdd.args.parse(old));
    expect(Message.parse(w.read('message', MSG_ID))).toMatchObject({ body: old.body, bodyHtml: null, mentionIds: [], attachments: [] });
  });

  it('stores the HTML as given, the mentions once each, and the attachment metadata', async () => {
    const w = world();
    const html = '<p><strong>Dee</strong>, can you <a href="https://x.example">look</a>?</p><script>x()</script>';
    await messageAdd.run(w.tx, messageAdd.args.parse({ ...old, bodyHtml: html, mentionIds: [agentDee.id, agentDee.id, leadLena.id], attachments: [ATTACHMENT] }));
    expect(Message.parse(w.read('message', MSG_ID))).toMatchObject({ bodyHtml: html, mentionIds: [agentDee.id, leadLena.id], attachments: [ATTACHMENT] });
  });

  it('refuses mentions in a public reply, and a mention of an agent not in the directory', async () => {
    await expect(messageAdd.run(world().tx, { ...old, kind: 'reply', mentionIds: [agentDee.id] })).rejects.toThrow(new MutationRejected('Mentions are for internal notes: send this as a note, or remove the @mentions from the reply.'));
    await expect(messageAdd.run(world().tx, { ...old, mentionIds: [MACRO_ID] })).rejects.toThrow(/not in the directory/);
  });

  it('caps sizes: HTML, mentions and attachments', () => {
    expect(messageAdd.args.safeParse({ ...old, bodyHtml: 'x'.repeat(400_001) }).error?.issues[0]?.message).toMatch(/at most 400,000 characters of HTML/);
    expect(messageAdd.args.safeParse({ ...old, mentionIds: Array(51).fill(agentDee.id) }).success).toBe(false);
    expect(messageAdd.args.safeParse({ ...old, attachments: Array(51).fill(ATTACHMENT) }).success).toBe(false);
    expect(messageAdd.args.safeParse({ ...old, attachments: [{ ...ATTACHMENT, sha256: 'nope' }] }).success).toBe(false);
  });

  it('is idempotent with the new arguments too', async () => {
    const w = world();
    const args = messageAdd.args.parse({ ...old, bodyHtml: '<p>x</p>', mentionIds: [agentDee.id] });
    await messageAdd.run(w.tx, args);
    const writes = w.writes.length;
    await messageAdd.run(w.tx, args);
    expect(w.writes).toHaveLength(writes);
  });
});

describe('macro.save@1', () => {
  const edit = { id: MACRO_ID, title: ' Ask for details ', body: 'Hi {{contact.first_name}}', kind: 'reply' as const, actions: [{ type: 'setStatus' as const, status: 'pending' as const }] };

  it('lets an agent create a personal macro, owned by them; a replay writes nothing more', async () => {
    const w = world();
    await macroSave.run(w.tx, macroSave.args.parse({ ...edit, shared: false }));
    expect(Macro.parse(w.read('macro', MACRO_ID))).toEqual({ ...edit, title: 'Ask for details', ownerId: agentAlex.id, createdAt: T1, updatedAt: T1 });
    const writes = w.writes.length;
    await macroSave.run(w.tx, macroSave.args.parse({ ...edit, shared: false }));
    expect(w.writes).toHaveLength(writes);
  });

  it('refuses an agent a shared macro, new or existing, and another agent’s personal macro', async () => {
    await expect(macroSave.run(world().tx, macroSave.args.parse({ ...edit, shared: true }))).rejects.toThrow(/Only a lead or an admin can change shared macros/);
    await expect(macroSave.run(world(as(agentAlex), [{ kind: 'macro', row: sharedMacro }]).tx, macroSave.args.parse({ ...edit, shared: false }))).rejects.toThrow(MutationRejected);
    const dees = { kind: 'macro' as const, row: { ...sharedMacro, ownerId: agentDee.id } };
    await expect(macroSave.run(world(as(agentAlex), [dees]).tx, macroSave.args.parse({ ...edit, shared: false }))).rejects.toThrow(/only be changed by the agent it belongs to/);
    await expect(macroSave.run(world(as(leadLena), [dees]).tx, macroSave.args.parse({ ...edit, shared: true }))).rejects.toThrow(/only be changed by the agent it belongs to/);
  });

  it('lets a lead edit a shared macro, keeping when it was created', async () => {
    const w = world(as(leadLena), [{ kind: 'macro', row: sharedMacro }]);
    await macroSave.run(w.tx, macroSave.args.parse({ ...edit, body: 'Hello {{contact.name}}', shared: true }));
    expect(w.read('macro', MACRO_ID)).toMatchObject({ body: 'Hello {{contact.name}}', ownerId: null, createdAt: T0, updatedAt: T1 });
  });

  it('refuses a blank title and an invalid action', () => {
    expect(macroSave.args.safeParse({ ...edit, title: '  ', shared: false }).error?.issues[0]?.message).toBe('A macro needs a title.');
    expect(macroSave.args.safeParse({ ...edit, actions: [{ type: 'setStatus', status: 'done' }], shared: false }).success).toBe(false);
  });
});

describe('macro.delete@1', () => {
  it('lets a lead delete a shared macro, refuses an agent, and treats an already deleted one as done', async () => {
    await expect(macroDelete.run(world(as(agentAlex), [{ kind: 'macro', row: sharedMacro }]).tx, { macroId: MACRO_ID })).rejects.toThrow(MutationRejected);
    const w = world(as(leadLena), [{ kind: 'macro', row: sharedMacro }]);
    await macroDelete.run(w.tx, { macroId: MACRO_ID });
    expect(w.read('macro', MACRO_ID)).toBeUndefined();
    await macroDelete.run(w.tx, { macroId: MACRO_ID });
  });

  it('lets the owner delete their personal macro', async () => {
    const w = world(as(agentDee), [{ kind: 'macro', row: { ...sharedMacro, ownerId: agentDee.id } }]);
    await macroDelete.run(w.tx, { macroId: MACRO_ID });
    expect(w.read('macro', MACRO_ID)).toBeUndefined();
  });
});
