import { readViewSettings, type ViewSettings } from '../../common/view-settings';
import type { RequestHandlers } from '../ipc/router';
import type { KeyValueStore } from '../settings/settings-store';

const KEY = 'viewSettings';

/** The viewer's settings as stored in main's settings file (read leniently, written whole). */
export function loadViewSettings(store: KeyValueStore): ViewSettings {
  return readViewSettings(store.get(KEY));
}

/** The sync period main starts with: the stored "check for new mail" choice (read at every start). */
export function checkIntervalMs(store: KeyValueStore): number {
  return loadViewSettings(store).checkEverySeconds * 1000;
}

export function createViewSettingsHandlers(store: KeyValueStore): Pick<RequestHandlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => loadViewSettings(store),
    updateSettings: (patch) => {
      const next: ViewSettings = { ...loadViewSettings(store), ...patch };
      store.set(KEY, next);
      return next;
    },
  };
}
