import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { ErrorText } from '../common/ErrorText.tsx';
import { useLogin } from '../data/mutations.ts';
import { checkLoginForm, type LoginForm } from './login-form.ts';

function Field({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="login-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

export function LoginScreen() {
  const login = useLogin();
  const [form, setForm] = useState<LoginForm>(() => ({
    serverUrl: new URLSearchParams(window.location.search).get('server') ?? '',
    email: '',
    password: '',
  }));
  const [problem, setProblem] = useState<string | null>(null);

  const bind = (name: keyof LoginForm) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkLoginForm(form);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem(null);
    login.mutate(checked.input);
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} noValidate>
        <div className="brand brand-large">Orbit</div>
        <h1>Sign in</h1>
        <Field label="Server" type="url" autoComplete="url" placeholder="https://support.example.com" autoFocus={!form.serverUrl} {...bind('serverUrl')} />
        <Field label="Email" type="email" autoComplete="username" autoFocus={!!form.serverUrl} {...bind('email')} />
        <Field label="Password" type="password" autoComplete="current-password" {...bind('password')} />
        <ErrorText error={problem ?? login.error} />
        <button type="submit" className="button-primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
