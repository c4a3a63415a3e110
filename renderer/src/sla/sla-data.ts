import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProcedureInput } from '../../../shared/ipc/contract.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from '../data/query-keys.ts';

/** The workspace's SLA policy from the replica (null until synced); refreshed on `changed` slaPolicy. */
export function useSlaPolicy() {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.slaPolicy, queryFn: () => desk.invoke('sla.policy'), staleTime: Infinity });
}

/** Saves the policy (admins); due times shown on tickets and queues follow on the next change. */
export function useSaveSlaPolicy() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProcedureInput<'sla.savePolicy'>) => desk.invoke('sla.savePolicy', input),
    onSettled: () => {
      for (const queryKey of [queryKeys.slaPolicy, queryKeys.queue, queryKeys.ticket]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
