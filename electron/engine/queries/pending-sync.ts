/** SQL: does a local change the server has not accepted yet touch this row? (`_outbox_undo_by_row` index) */
export function pendingSyncSql(kind: 'ticket' | 'message', idColumn: string): string {
  return `EXISTS (SELECT 1 FROM _outbox_undo u JOIN _outbox o ON o.id = u.mutation_id WHERE u.kind = '${kind}' AND u.row_id = ${idColumn} AND o.state = 'pending')`;
}
