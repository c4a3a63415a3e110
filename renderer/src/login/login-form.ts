import { procedures, type ProcedureInput } from '../../../shared/ipc/contract.ts';

export type LoginForm = { serverUrl: string; email: string; password: string };

const help: Record<keyof LoginForm, string> = {
  serverUrl: 'Enter the server address as a full URL, for example https://support.example.com.',
  email: 'Enter the email address you sign in with.',
  password: 'Enter your password.',
};

/** Checks the form with the same schema the engine applies, worded for the agent. */
export function checkLoginForm(
  form: LoginForm,
): { ok: true; input: ProcedureInput<'session.login'> } | { ok: false; message: string } {
  const parsed = procedures['session.login'].input.safeParse({ ...form, serverUrl: form.serverUrl.trim(), email: form.email.trim() });
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  const message = typeof field === 'string' && field in help ? help[field as keyof LoginForm] : (issue?.message ?? 'Check the form.');
  return { ok: false, message };
}
