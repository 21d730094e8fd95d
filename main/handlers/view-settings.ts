import { readViewSettings, type ViewSettings } from '../../common/view-settings';
import type { RequestHandlers } from '../ipc/router';
import type { KeyValueStore } from '../settings/settings-store';

const KEY = 'viewSettings';

/** The viewer's settings as stored in main's settings file (read leniently, written whole). */
export function loadViewSettings(store: KeyValueStore): ViewSettings {
  return readViewSettings(store.get(KEY));
}

/** The sync period main starts with: the stored "check for new mail" choice (a change then applies at once, see below). */
export function checkIntervalMs(settings: ViewSettings): number {
  return settings.checkEverySeconds * 1000;
}

/** `onChange` hears every saved change (main restarts the sync timer with the new period). */
export function createViewSettingsHandlers(
  store: KeyValueStore,
  onChange?: (next: ViewSettings, previous: ViewSettings) => void | Promise<void>,
): Pick<RequestHandlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => loadViewSettings(store),
    updateSettings: async (patch) => {
      const previous = loadViewSettings(store);
      const next: ViewSettings = { ...previous, ...patch };
      store.set(KEY, next);
      await onChange?.(next, previous);
      return next;
    },
  };
}
