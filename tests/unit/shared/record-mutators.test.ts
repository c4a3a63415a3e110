import { describe, expect, it } from 'vitest';
import { Article } from '../../../shared/model/index.ts';
import { accountUpdate, articleSave, contactUpdate, MutationRejected } from '../../../shared/mutators/index.ts';
import { account, agentAlex, agentDee, article, as, contact, leadLena, T1, workspaceRows } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const ARTICLE = article({ revision: 3 });
const FORK_ID = '0195f0a0-0000-7000-8000-0000000000d2';
const NEW_ID = '0195f0a0-0000-7000-8000-0000000000d3';

function world(ctx = as(agentAlex)) {
  return memoryTx(ctx, [...workspaceRows, { kind: 'article', row: ARTICLE }]);
}

describe('contact.update@1', () => {
  it('changes only the named fields; the same values again write nothing', async () => {
    const w = world();
    await contactUpdate.run(w.tx, { contactId: contact.id, patch: { phone: '+49 30 1234', accountId: account.id } });
    expect(w.read('contact', contact.id)).toEqual({ ...contact, phone: '+49 30 1234', accountId: account.id, updatedAt: T1 });
    const writes = w.writes.length;
    await contactUpdate.run(w.tx, { contactId: contact.id, patch: { phone: '+49 30 1234' } });
    expect(w.writes).toHaveLength(writes);
  });

  it('refuses an empty patch, a bad email and an unknown account', async () => {
    expect(contactUpdate.args.safeParse({ contactId: contact.id, patch: {} }).error?.issues[0]?.message).toBe('Name at least one field to change.');
    expect(contactUpdate.args.safeParse({ contactId: contact.id, patch: { email: 'not an email' } }).success).toBe(false);
    await expect(contactUpdate.run(world().tx, { contactId: contact.id, patch: { accountId: NEW_ID } })).rejects.toThrow(/No account/);
  });
});

describe('account.update@1', () => {
  it('lets an agent edit the notes only', async () => {
    const w = world();
    await accountUpdate.run(w.tx, { accountId: account.id, patch: { notes: 'Prefers phone calls.' } });
    expect(w.read('account', account.id)).toMatchObject({ notes: 'Prefers phone calls.', plan: 'pro', updatedAt: T1 });
    await expect(accountUpdate.run(w.tx, { accountId: account.id, patch: { plan: 'enterprise', notes: 'x' } })).rejects.toThrow(
      new MutationRejected("Only a lead or an admin can change an account's plan; agents may edit its notes."),
    );
  });

  it('lets a lead edit the commercial fields', async () => {
    const w = world(as(leadLena));
    await accountUpdate.run(w.tx, { accountId: account.id, patch: { plan: 'enterprise', mrrCents: 99_900 } });
    expect(w.read('account', account.id)).toMatchObject({ plan: 'enterprise', mrrCents: 99_900 });
  });
});

describe('article.save@1', () => {
  const edit = { id: ARTICLE.id, forkId: FORK_ID, title: 'Resetting a password', body: 'New steps.', tags: ['Access'], product: null, status: 'draft' as const };

  it('creates a new article at revision 1, authored by the agent', async () => {
    const w = world();
    await articleSave.run(w.tx, articleSave.args.parse({ ...edit, id: NEW_ID, baseRevision: 0 }));
    expect(Article.parse(w.read('article', NEW_ID))).toMatchObject({ revision: 1, authorId: agentAlex.id, status: 'draft', tags: ['access'], createdAt: T1 });
  });

  it('edits when the revision it was made on is the current one, and counts the revision up', async () => {
    const w = world();
    await articleSave.run(w.tx, articleSave.args.parse({ ...edit, baseRevision: 3 }));
    expect(w.read('article', ARTICLE.id)).toMatchObject({ body: 'New steps.', revision: 4, authorId: ARTICLE.authorId, createdAt: ARTICLE.createdAt, updatedAt: T1 });
    expect(w.read('article', FORK_ID)).toBeUndefined();
  });

  it('keeps a losing edit as a draft fork under the id chosen up front, titled as a conflicting copy', async () => {
    const w = world(as(agentDee));
    // Alex saved first; Dee's edit was made on revision 3 as well.
    await articleSave.run(w.as(as(agentAlex)), articleSave.args.parse({ ...edit, body: 'Alex was here.', baseRevision: 3 }));
    await articleSave.run(w.tx, articleSave.args.parse({ ...edit, body: 'Dee was here.', baseRevision: 3 }));
    expect(w.read('article', ARTICLE.id)).toMatchObject({ body: 'Alex was here.', revision: 4 });
    expect(w.read('article', FORK_ID)).toMatchObject({
      title: 'Resetting a password (conflicting copy by Dee)',
      body: 'Dee was here.',
      status: 'draft',
      revision: 1,
      authorId: agentDee.id,
    });
    // A replay of the same save finds its fork and writes nothing more.
    const writes = w.writes.length;
    await articleSave.run(w.tx, articleSave.args.parse({ ...edit, body: 'Dee was here.', baseRevision: 3 }));
    expect(w.writes).toHaveLength(writes);
  });

  it('keeps an edit of an article that is gone as a fork too, and fits a long title', async () => {
    const w = world();
    const long = 'T'.repeat(300);
    await articleSave.run(w.tx, articleSave.args.parse({ ...edit, id: NEW_ID, title: long, baseRevision: 2 }));
    const fork = Article.parse(w.read('article', FORK_ID));
    expect(fork.title).toHaveLength(300);
    expect(fork.title.endsWith(' (conflicting copy by Alex Agent)')).toBe(true);
    expect(w.read('article', NEW_ID)).toBeUndefined();
  });

  it('only leads and admins publish, or edit what is published; a lead does both', async () => {
    const agent = world();
    await expect(articleSave.run(agent.tx, articleSave.args.parse({ ...edit, status: 'published', baseRevision: 3 }))).rejects.toThrow(/Only a lead or an admin can publish/);
    const published = memoryTx(as(agentAlex), [{ kind: 'article', row: article({ status: 'published', revision: 3 }) }]);
    await expect(articleSave.run(published.tx, articleSave.args.parse({ ...edit, baseRevision: 3 }))).rejects.toThrow(/Only a lead or an admin can edit a published article/);
    const lead = memoryTx(as(leadLena), [{ kind: 'article', row: article({ status: 'published', revision: 3 }) }]);
    await articleSave.run(lead.tx, articleSave.args.parse({ ...edit, status: 'published', baseRevision: 3 }));
    expect(lead.read('article', ARTICLE.id)).toMatchObject({ status: 'published', revision: 4 });
  });

  it('refuses a fork id equal to the article id', () => {
    expect(articleSave.args.safeParse({ ...edit, forkId: ARTICLE.id, baseRevision: 3 }).error?.issues[0]?.message).toBe('The fork needs an id of its own.');
  });
});
