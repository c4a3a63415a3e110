import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProcedureInput } from '../../../shared/ipc/contract.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from '../data/query-keys.ts';

/** The macros this agent may apply (shared and their own), by title; refreshed when macros change. */
export function useMacros(enabled = true) {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.macros, queryFn: () => desk.invoke('macro.list'), enabled });
}

export function useSaveMacro() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProcedureInput<'macro.save'>) => desk.invoke('macro.save', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.macros }),
  });
}

export function useDeleteMacro() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (macroId: string) => desk.invoke('macro.delete', { macroId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.macros }),
  });
}
