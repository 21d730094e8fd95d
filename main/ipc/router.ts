/**
 * The main-side IPC router: one entry point for every renderer request.
 * It checks the sender, validates the arguments against the contract, runs the
 * handler and always answers `{ ok, value }` or `{ ok: false, error }`: a handler
 * never sees a request the schema refused, and no exception crosses to the renderer.
 */
import { fail, ok, requests, type IpcResult, type RequestArgs, type RequestName, type RequestReply } from '../../common/ipc';
import { ipcErrorFor } from './error-codes';

export type RequestHandler<N extends RequestName> = (...args: RequestArgs<N>) => Promise<RequestReply<N>> | RequestReply<N>;

export type RequestHandlers = { [N in RequestName]: RequestHandler<N> };

export interface RouterOptions {
  /** True when a request comes from the app's own page (its top frame URL). */
  isTrustedSender(senderUrl: string): boolean;
  /** Where unexpected handler failures are reported (never with request arguments). */
  logError?(channel: string, error: unknown): void;
}

export interface IpcRouter {
  /** Channel names the router answers, for registering with ipcMain. */
  readonly channels: readonly string[];
  handle(channel: string, senderUrl: string, rawArgs: unknown): Promise<IpcResult<unknown>>;
}

const channelToName = new Map<string, RequestName>((Object.keys(requests) as RequestName[]).map((name) => [requests[name].channel, name]));

export function createIpcRouter(handlers: RequestHandlers, options: RouterOptions): IpcRouter {
  return {
    channels: [...channelToName.keys()],
    async handle(channel, senderUrl, rawArgs) {
      const name = channelToName.get(channel);
      if (!name) return fail('invalid_request', `Unknown channel "${String(channel).slice(0, 80)}".`);
      if (!options.isTrustedSender(senderUrl)) {
        return fail('invalid_request', 'Request refused: it did not come from the app.');
      }
      const parsed = requests[name].args.safeParse(rawArgs);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
        return fail('invalid_request', `Malformed request for ${name}${where}: ${issue?.message ?? 'invalid'}.`);
      }
      try {
        const handler = handlers[name] as (...args: unknown[]) => unknown;
        const value = await handler(...(parsed.data as unknown[]));
        return ok(value ?? null);
      } catch (error) {
        const reply = ipcErrorFor(error);
        if (reply.unexpected) options.logError?.(channel, error);
        return fail(reply.error.code, reply.error.message);
      }
    },
  };
}
