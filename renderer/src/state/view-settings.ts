import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { DEFAULT_VIEW_SETTINGS, type ViewSettings } from '../../../common/view-settings';
import { skimmer } from '../api';

const systemDark = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)');

/** The "System" theme as data-theme: main.tsx sets it before the first paint, the store keeps it current. */
export function applySystemTheme(): void {
  document.documentElement.dataset.theme = systemDark().matches ? 'dark' : 'light';
}

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
  // System is resolved here (and on the OS's change), so the CSS writes each dark rule once.
  useEffect(() => {
    if (settings.theme !== 'system') {
      document.documentElement.dataset.theme = settings.theme;
      return undefined;
    }
    const query = systemDark();
    applySystemTheme();
    query.addEventListener('change', applySystemTheme);
    return () => query.removeEventListener('change', applySystemTheme);
  }, [settings.theme]);
  return { settings, update };
}

export const ViewSettingsContext = createContext<ViewSettings>(DEFAULT_VIEW_SETTINGS);

export function useViewSettings(): ViewSettings {
  return useContext(ViewSettingsContext);
}
