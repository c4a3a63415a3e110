import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useDesk } from '../desk/desk-context.tsx';

const uploadsKey = ['attachments', 'uploads'] as const;

/** Files attached on this computer that the server does not have yet; kept current by the engine's `attachment.uploads` event. */
export function useAttachmentUploads() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  useEffect(() => desk.on('attachment.uploads', (state) => queryClient.setQueryData(uploadsKey, state)), [desk, queryClient]);
  return useQuery({ queryKey: uploadsKey, queryFn: () => desk.invoke('attachment.uploads') });
}
