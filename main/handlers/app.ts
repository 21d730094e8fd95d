/** The app's own channels: what it is, links out, the clipboard. */
import { IpcFailure } from '../../common/ipc';
import { isSafeExternalUrl } from '../security/csp';
import type { HandlerGroup } from './context';

export const appHandlers: HandlerGroup<'getAppInfo' | 'openExternal' | 'copyText'> = ({ appInfo, platform }) => ({
  getAppInfo: () => appInfo,
  openExternal: async (url) => {
    if (!isSafeExternalUrl(url)) throw new IpcFailure('invalid_request', 'Only web links can be opened.');
    await platform.openExternal(new URL(url).href); // the normalised URL that was checked
    return null;
  },
  copyText: async (text) => {
    await platform.copyText(text);
    return null;
  },
});
