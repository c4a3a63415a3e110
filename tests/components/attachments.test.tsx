import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttachButton } from '../../renderer/src/attachments/AttachButton.tsx';
import { AttachmentList } from '../../renderer/src/attachments/AttachmentList.tsx';
import { formatFileSize } from '../../renderer/src/attachments/file-size.ts';
import { allCommands, useCommandStore } from '../../renderer/src/commands/command-store.ts';
import { DeskError } from '../../shared/ipc/contract.ts';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../shared/model/index.ts';
import { fakeDesk } from './support/fake-desk.tsx';

afterEach(cleanup);

const sha = 'a'.repeat(64);
const attachment = (over: Partial<Attachment> = {}): Attachment => ({
  id: '0195f0a0-0000-7000-8000-00000000f001', name: 'invoice.pdf', contentType: 'application/pdf', size: 48_213, sha256: sha, ...over,
});

describe('formatFileSize', () => {
  it('reads like a file manager', () => {
    expect([0, 812, 14_500, 3.4 * 1024 * 1024, MAX_ATTACHMENT_BYTES].map(formatFileSize)).toEqual(['0 B', '812 B', '14 KB', '3.4 MB', '25 MB']);
  });
});

describe('AttachButton', () => {
  it('attaches a picked file through the engine as base64 and hands the metadata on', async () => {
    const stored = attachment({ name: 'notes.txt', contentType: 'text/plain', size: 5 });
    const { wrapper, calls } = fakeDesk({ 'attachment.add': () => stored });
    const attached: Attachment[] = [];
    render(<AttachButton onAttached={(a) => attached.push(a)} />, { wrapper });
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Files to attach'), { target: { files: [file] } });
    await waitFor(() => expect(attached).toEqual([stored]));
    expect(calls).toContainEqual({ name: 'attachment.add', input: { name: 'notes.txt', contentType: 'text/plain', base64: btoa('hello') } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a file over 25 MB without reading it, and accepts dropped files', async () => {
    const { wrapper, calls } = fakeDesk({ 'attachment.add': (input) => attachment({ name: (input as { name: string }).name }) });
    const attached: Attachment[] = [];
    render(<AttachButton onAttached={(a) => attached.push(a)} />, { wrapper });
    const huge = new File(['x'], 'video.mov');
    Object.defineProperty(huge, 'size', { value: MAX_ATTACHMENT_BYTES + 1 });
    const small = new File(['12'], 'a.csv', { type: 'text/csv' });
    fireEvent.drop(screen.getByRole('button', { name: 'Attach file' }), { dataTransfer: { files: [huge, small], types: ['Files'] } });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'video.mov is 25 MB; attachments are limited to 25 MB.');
    expect(attached.map((a) => a.name)).toEqual(['a.csv']);
    expect(calls.filter((c) => c.name === 'attachment.add')).toHaveLength(1);
  });

  it('shows why the engine refused a file', async () => {
    const { wrapper } = fakeDesk({
      'attachment.add': () => {
        throw new DeskError('not_signed_in', 'Sign in first.');
      },
    });
    render(<AttachButton onAttached={() => undefined} />, { wrapper });
    fireEvent.change(screen.getByLabelText('Files to attach'), { target: { files: [new File(['x'], 'x.txt')] } });
    expect((await screen.findByRole('alert')).textContent).toBe('x.txt could not be attached: Sign in first.');
  });

  it('is in the command palette as "Attach a file", which opens the file picker', () => {
    const { wrapper } = fakeDesk({});
    render(<AttachButton onAttached={() => undefined} />, { wrapper });
    const command = allCommands(useCommandStore.getState().sources).find((c) => c.id === 'attachment.attach');
    expect(command).toMatchObject({ title: 'Attach a file', section: 'Composer' });
    const input = screen.getByLabelText('Files to attach') as HTMLInputElement;
    const clicked = vi.fn();
    input.addEventListener('click', clicked);
    act(() => command?.run());
    expect(clicked).toHaveBeenCalledOnce();
  });
});

describe('AttachmentList', () => {
  const created: Blob[] = [];
  const downloads: { href: string; download: string }[] = [];
  beforeEach(() => {
    created.length = 0;
    downloads.length = 0;
    // jsdom has no blob URLs nor downloads: the browser's side of "save this file" is recorded instead.
    URL.createObjectURL = (blob: Blob) => (created.push(blob), `blob:orbit/${created.length}`);
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows chips with name and size, marks files not uploaded yet, and follows the engine as they go up', async () => {
    const pending = attachment();
    const other = attachment({ id: '0195f0a0-0000-7000-8000-00000000f002', name: 'photo.jpg', size: 1_500_000 });
    const { wrapper, emit } = fakeDesk({ 'attachment.uploads': () => ({ pendingIds: [pending.id], failed: [] }) });
    render(<AttachmentList attachments={[pending, other]} />, { wrapper });
    expect(await screen.findByRole('button', { name: 'invoice.pdf, 47 KB, not uploaded yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'photo.jpg, 1.4 MB' })).toBeTruthy();
    act(() => emit('attachment.uploads', { pendingIds: [], failed: [] }));
    expect(await screen.findByRole('button', { name: 'invoice.pdf, 47 KB' })).toBeTruthy();
    expect(screen.queryByText('Not uploaded yet')).toBeNull();
  });

  it('opens a file as a download of its bytes', async () => {
    const a = attachment({ name: 'notes.txt' });
    const { wrapper, calls } = fakeDesk({ 'attachment.uploads': () => ({ pendingIds: [], failed: [] }), 'attachment.open': () => ({ base64: btoa('file body') }) });
    render(<AttachmentList attachments={[a]} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: /^notes\.txt/ }));
    await waitFor(() => expect(downloads).toEqual([{ href: 'blob:orbit/1', download: 'notes.txt' }]));
    expect(calls).toContainEqual({ name: 'attachment.open', input: { id: a.id, sha256: sha } });
    expect(await created[0]?.text()).toBe('file body');
  });

  it('says what to do when the file cannot be downloaded offline', async () => {
    const { wrapper } = fakeDesk({
      'attachment.uploads': () => ({ pendingIds: [], failed: [] }),
      'attachment.open': () => {
        throw new DeskError('unavailable', 'Connect to download this file: it is not on this computer yet.');
      },
    });
    render(<AttachmentList attachments={[attachment()]} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: /^invoice\.pdf/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('invoice.pdf: Connect to download this file: it is not on this computer yet.');
    expect(downloads).toEqual([]);
  });

  it('lets a message being written drop a file', async () => {
    const a = attachment();
    const removed: Attachment[] = [];
    const { wrapper } = fakeDesk({ 'attachment.uploads': () => ({ pendingIds: [a.id], failed: [] }) });
    render(<AttachmentList attachments={[a]} onRemove={(x) => removed.push(x)} />, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Remove invoice.pdf' }));
    expect(removed).toEqual([a]);
  });
});
