import Conf from 'conf';

/**
 * The few calls TokenVault and AccountService need from a settings store. The app, the CLI
 * and the tests all use `conf` under a data dir they choose (electron-store is conf plus
 * Electron's default paths, which main passes itself). Keys used here never contain dots,
 * so it works with or without dot-notation access.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  has(key: string): boolean;
}

/** A `conf` store at `<dataDir>/<name>.json`, readable by the owner only. */
export function openSettingsStore(dataDir: string, name = 'settings'): KeyValueStore & { readonly path: string } {
  return new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: name,
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    // Never silently wipe accounts because of a hand-edited or torn file: fail loudly.
    clearInvalidConfig: false,
  });
}

/** In-memory store for tests. */
export class MemoryStore implements KeyValueStore {
  private readonly map = new Map<string, unknown>();
  get(key: string): unknown {
    const v = this.map.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }
  set(key: string, value: unknown): void {
    this.map.set(key, structuredClone(value));
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}
