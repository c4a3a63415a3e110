import type { attachmentProcedures } from '../../../shared/ipc/features/attachments.ts';
import { fetchRemoteImage } from '../attachments/remote-image.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function attachmentHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof attachmentProcedures> {
  return {
    'attachment.add': async ({ name, contentType, base64 }) => {
      const session = ctx.session.require();
      const attachment = await ctx.attachments.add(session, { name, contentType, bytes: Buffer.from(base64, 'base64') });
      // Sent before the next push, so the server has the bytes when the message naming them lands.
      void ctx.sync.kick();
      return attachment;
    },
    'attachment.open': async ({ id, sha256 }) => {
      const bytes = await ctx.attachments.open(ctx.session.current(), id, sha256);
      return { base64: bytes.toString('base64') };
    },
    'attachment.uploads': () => ctx.attachments.uploads(ctx.session.current()),
    'attachment.remoteImage': async ({ url }) => ({ dataUrl: await fetchRemoteImage(url) }),
  };
}
