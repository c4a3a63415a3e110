import { useConnectionState } from '../desk/desk-context.tsx';

/** Only the browser host's socket can drop; while it is down nothing on screen can change or be saved. */
export function ConnectionBanner() {
  const state = useConnectionState();
  if (state !== 'closed') return null;
  return (
    <div role="alert" className="connection-banner">
      Lost the connection to the Orbit engine. Reconnecting… Nothing you type is sent until it is back. If Orbit was restarted, open the
      new link it printed.
    </div>
  );
}
