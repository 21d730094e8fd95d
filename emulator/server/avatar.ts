/**
 * The account pictures userinfo points at (/__emulator/avatar/<email>.svg): part of the
 * identity the demo shows, so served with or without the test hooks.
 */
import type { EmuRequest, EmuResponse } from './http';
import type { EmulatorState } from './state';

export const AVATAR_PATH = '/__emulator/avatar/';

export function handleAvatar(state: EmulatorState, req: EmuRequest): EmuResponse | null {
  if (req.method !== 'GET' || !req.path.startsWith(AVATAR_PATH)) return null;
  let email: string;
  try {
    email = decodeURIComponent(req.path.slice(AVATAR_PATH.length)).replace(/\.svg$/, '');
  } catch {
    return null;
  }
  if (!email || email.includes('/')) return null;
  const acct = state.account(email);
  return { status: 200, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }, body: avatarSvg(email, acct?.name ?? email) };
}

function avatarSvg(email: string, name: string): string {
  const initial = (name[0] ?? email[0] ?? '?').toUpperCase().replace(/[<>&"']/g, '?');
  let h = 0;
  for (const ch of email) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const colors = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#007b83'];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><circle cx="48" cy="48" r="48" fill="${colors[h % colors.length]}"/><text x="48" y="62" font-family="Arial,sans-serif" font-size="44" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
}
