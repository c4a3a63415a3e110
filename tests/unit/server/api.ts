import { newId } from '../../../shared/ids.ts';
import type { PendingMutation } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_PASSWORD } from '../../../server/demo/credentials.ts';

/** Small HTTP helpers for the server tests: real requests over loopback. */
export interface Answer<T = any> {
  status: number;
  body: T;
}

export async function send(url: string, path: string, body: string, opts: { token?: string; contentType?: string } = {}): Promise<Answer> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': opts.contentType ?? 'application/json', ...(opts.token && { authorization: `Bearer ${opts.token}` }) },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export const post = (url: string, path: string, body: unknown, token?: string) => send(url, path, JSON.stringify(body), token ? { token } : {});

export async function signIn(url: string, email: string): Promise<{ token: string; agentId: string; clientId: string }> {
  const { status, body } = await post(url, routes.login, { email, password: DEMO_PASSWORD });
  if (status !== 200) throw new Error(`Sign-in of ${email} failed: ${status} ${JSON.stringify(body)}`);
  return { token: body.token, agentId: body.agentId, clientId: newId() };
}

export const mutation = (id: number, name: string, args: unknown): PendingMutation => ({ id, name, args, createdAt: new Date().toISOString() });

export const note = (id: number, ticketId: string, body = `Note ${id}`) =>
  mutation(id, 'message.add@1', { id: newId(), ticketId, kind: 'note', body });
