/** SQL: does a not-yet-acknowledged local change touch this row? (`_outbox_undo_by_row` index) */
export function pendingSyncSql(kind: 'ticket' | 'message', idColumn: string): string {
  return `EXISTS (SELECT 1 FROM _outbox_undo u WHERE u.kind = '${kind}' AND u.row_id = ${idColumn})`;
}
