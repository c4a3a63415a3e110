/**
 * An action the agent can take: listed in the command palette (Ctrl/Cmd+K), bound to its shortcut,
 * and shown in the help overlay (?). Features declare their commands where their state lives
 * (useCommands), so the palette, the shortcuts and the help never drift apart.
 */
export interface Command {
  /** Stable id, e.g. 'ticket.reply'. */
  id: string;
  /** What the palette and the help overlay show, e.g. 'Reply to the customer'. */
  title: string;
  /** Where it is listed, e.g. 'Ticket', 'Queue', 'Go to'. */
  section: string;
  /**
   * Its shortcut as `KeyboardEvent.key` values: a single key ('r', '?', 'Enter'), with modifiers
   * ('Mod+k' = Ctrl on Linux/Windows, Cmd on macOS; 'Shift+A'), or a two-key sequence ('g i').
   * Unmodified keys never fire while the agent types in a field.
   */
  keys?: string;
  /** Other words the palette matches, e.g. ['close', 'resolve'] for Solve. */
  keywords?: string[];
  /** False hides it from the palette and ignores its shortcut (e.g. no ticket open). Default true. */
  enabled?: boolean;
  run(): void;
}
