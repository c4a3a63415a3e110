/** An error the agent should read: announced, and worded by whoever threw it (DeskError messages are written for agents). */
export function ErrorText({ error, className = '' }: { error: unknown; className?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className={`error-text ${className}`}>
      {message}
    </p>
  );
}
