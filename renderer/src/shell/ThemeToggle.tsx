import { toggleTheme, useTheme } from './theme.ts';

/** The top bar's light/dark switch (also in the palette); the choice is remembered, else the system's is followed. */
export function ThemeToggle() {
  const theme = useTheme();
  const label = theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme';
  return (
    <button type="button" className="icon-button" aria-label={label} title={label} onClick={toggleTheme}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        {theme === 'dark' ? (
          <path fill="currentColor" d="M8 4.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7ZM7.4 0h1.2v2.5H7.4Zm0 13.5h1.2V16H7.4ZM0 7.4h2.5v1.2H0Zm13.5 0H16v1.2h-2.5ZM2.2 3 3 2.2l1.8 1.8-.8.8Zm9 9 .8-.8 1.8 1.8-.8.8ZM2.2 13l1.8-1.8.8.8L3 13.8Zm9-9L13 2.2l.8.8L12 4.8Z" />
        ) : (
          <path fill="currentColor" d="M6.2 1.2a6.8 6.8 0 1 0 8.6 8.6A5.6 5.6 0 0 1 6.2 1.2Z" />
        )}
      </svg>
    </button>
  );
}
