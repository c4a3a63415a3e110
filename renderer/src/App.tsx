import { ErrorText } from './common/ErrorText.tsx';
import { useSession } from './data/queries.ts';
import { useEngineEvents } from './data/use-engine-events.ts';
import { LoginScreen } from './login/LoginScreen.tsx';
import { ConnectionBanner } from './shell/ConnectionBanner.tsx';
import { Workspace } from './shell/Workspace.tsx';

function Screen() {
  const session = useSession();
  if (session.data === undefined) {
    if (!session.error) return <p className="splash">Starting Orbit…</p>;
    return (
      <div className="splash">
        <ErrorText error={session.error} />
        <button type="button" className="button-primary" onClick={() => void session.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return session.data.state === 'signed_in' ? <Workspace session={session.data} /> : <LoginScreen />;
}

export function App() {
  useEngineEvents();
  return (
    <>
      <ConnectionBanner />
      <Screen />
    </>
  );
}
