/**
 * The one IPC contract between main and the renderer.
 *
 * Every request channel has a name, a zod schema for its arguments (a tuple: the
 * preload turns each entry into a positional method parameter) and a reply type.
 * Main validates every request against the schema before a handler sees it; the
 * preload builds `window.skimmer` from this object and nothing else.
 */
import { z } from 'zod';
import type { IpcResult } from './ipc-result';

export * from './ipc-result';

interface RequestChannel<Args extends z.ZodTuple, Reply> {
  readonly kind: 'request';
  readonly channel: string;
  readonly args: Args;
  /** Phantom field: carries the reply type; never set at run time. */
  readonly reply?: Reply;
}

interface EventChannel<Payload> {
  readonly kind: 'event';
  readonly channel: string;
  readonly payload?: Payload;
}

function request<Reply>() {
  return <Args extends z.ZodTuple>(channel: string, args: Args): RequestChannel<Args, Reply> => ({
    kind: 'request',
    channel,
    args,
  });
}

export function event<Payload>(channel: string): EventChannel<Payload> {
  return { kind: 'event', channel };
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  /** Which shell runs the renderer: the real Electron app, or the test bridge. */
  readonly shell: 'electron' | 'test-bridge';
}

const httpUrl = z
  .string()
  .max(8192)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const requests = {
  getAppInfo: request<AppInfo>()('app:get-info', z.tuple([])),
  openExternal: request<null>()('app:open-external', z.tuple([httpUrl])),
} as const;

export const events = {} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type Events = typeof events;
export type EventName = keyof Events;

export type RequestArgs<N extends RequestName> = z.infer<Requests[N]['args']>;
export type RequestReply<N extends RequestName> = Exclude<Requests[N]['reply'], undefined>;
export type EventPayload<N extends EventName> = Exclude<Events[N] extends EventChannel<infer P> ? P : never, undefined>;

/** The shape of `window.skimmer` as the renderer sees it. */
export type SkimmerApi = {
  readonly [N in RequestName]: (...args: RequestArgs<N>) => Promise<IpcResult<RequestReply<N>>>;
} & {
  readonly on: {
    readonly [N in EventName]: (listener: (payload: EventPayload<N>) => void) => () => void;
  };
};
