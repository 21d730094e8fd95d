/**
 * What the app does when web content tries to leave the page: it never navigates,
 * never opens a window of its own, and hands checked web links to the system browser.
 */
import { isSafeExternalUrl } from './csp';

export interface WindowOpenDecision {
  readonly action: 'deny';
  /** The URL to give the system browser, or null to drop the request. */
  readonly openExternally: string | null;
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) ? url : null };
}

/** In-page navigation: the app is a single page, so every attempt is refused. */
export function allowNavigation(_url: string): boolean {
  return false;
}

/** Permission requests and checks (camera, notifications, geolocation, ...): always refused. */
export function allowPermission(_permission: string): boolean {
  return false;
}
