import type { SkimmerApi } from '../../common/ipc';

declare global {
  interface Window {
    readonly skimmer?: SkimmerApi;
  }
}

/** The preload's API; the renderer reaches main only through this object. */
export function skimmer(): SkimmerApi {
  const api = window.skimmer;
  if (!api) throw new Error('Skimmer bridge is not available: the preload script did not run.');
  return api;
}
