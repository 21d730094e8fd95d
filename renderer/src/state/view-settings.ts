import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { DEFAULT_VIEW_SETTINGS, type ViewSettings } from '../../../common/view-settings';
import { skimmer } from '../api';

/** Settings live in main (its settings file); the window keeps a copy and writes changes through. */
export function useViewSettingsStore(): { settings: ViewSettings; update: (patch: Partial<ViewSettings>) => void } {
  const [settings, setSettings] = useState<ViewSettings>(DEFAULT_VIEW_SETTINGS);
  useEffect(() => {
    let cancelled = false;
    void skimmer()
      .getSettings()
      .then((reply) => {
        if (!cancelled && reply.ok) setSettings(reply.value);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  const update = useCallback((patch: Partial<ViewSettings>) => {
    setSettings((prev) => ({ ...prev, ...patch }));
    void skimmer()
      .updateSettings(patch)
      .then((reply) => {
        if (reply.ok) setSettings(reply.value);
      });
  }, []);
  // The theme is on the root element, so dialogs and the boot screen follow it too.
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  return { settings, update };
}

export const ViewSettingsContext = createContext<ViewSettings>(DEFAULT_VIEW_SETTINGS);

export function useViewSettings(): ViewSettings {
  return useContext(ViewSettingsContext);
}
