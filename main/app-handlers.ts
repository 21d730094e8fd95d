/**
 * The request handlers main answers, built from plain services so they run in Node
 * tests exactly as in Electron. Electron-specific pieces arrive as small interfaces.
 */
import { IpcFailure, type AppInfo } from '../common/ipc';
import type { RequestHandlers } from './ipc/router';
import { isSafeExternalUrl } from './security/csp';

export interface ExternalOpener {
  /** Opens a checked http(s) URL in the person's browser. */
  openExternal(url: string): Promise<void>;
}

export interface AppHandlerDeps {
  readonly appInfo: AppInfo;
  readonly shell: ExternalOpener;
}

export function createRequestHandlers(deps: AppHandlerDeps): RequestHandlers {
  return {
    getAppInfo: () => deps.appInfo,
    openExternal: async (url) => {
      // The schema already checked the scheme; this also refuses credentials in URLs.
      if (!isSafeExternalUrl(url)) throw new IpcFailure('invalid_request', 'Only web links can be opened.');
      await deps.shell.openExternal(url);
      return null;
    },
  };
}
