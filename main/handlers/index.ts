/**
 * Every IPC handler, by domain. A new channel goes into its domain's file (or a new file,
 * added to the list below); the type makes a channel without a handler a compile error.
 */
import path from 'node:path';
import { rethrowForIpc } from '../ipc/error-codes';
import type { RequestHandlers } from '../ipc/router';
import { accountHandlers } from './accounts';
import { createAttachmentHandlers } from './attachments';
import { appHandlers } from './app';
import type { HandlerContext } from './context';
import { fileHandlers, safeFileName } from './files';
import { mailHandlers } from './mail';
import { syncHandlers } from './sync';
import { checkIntervalMs, createViewSettingsHandlers } from './view-settings';
import { createLocaleHandlers } from '../services/locale-settings';

export function createHandlers(context: HandlerContext): RequestHandlers {
  const handlers: RequestHandlers = {
    ...appHandlers(context),
    ...accountHandlers(context),
    ...mailHandlers(context),
    ...syncHandlers(context),
    ...fileHandlers(context),
    // A new "check for new mail" period applies now, not at the next start.
    ...createViewSettingsHandlers(context.settings, (next) => context.hub.setSyncInterval(checkIntervalMs(next))),
    ...createLocaleHandlers(context.settings, context.locale),
    ...createAttachmentHandlers({ withSource: context.withSource, opener: context.platform, openDir: path.join(context.dataDir, 'opened'), safeFileName }),
  };
  return mapErrors(handlers);
}

/** Every handler throws its failures as the contract's IpcFailure (one mapping, error-codes.ts). */
function mapErrors(handlers: RequestHandlers): RequestHandlers {
  const mapped: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => unknown][]) {
    mapped[name] = (...args) => {
      try {
        const value = handler(...args);
        return value instanceof Promise ? value.catch(rethrowForIpc) : value;
      } catch (error) {
        return rethrowForIpc(error);
      }
    };
  }
  return mapped as RequestHandlers;
}
