import { stripBidi } from './link-safety';
/** Pure formatting helpers for the mail UI (dates, sizes, names, avatar colours). */
import type { MailAddress } from '../../../common/mail-types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "14:05" in 24 h, or "2:05 PM" when hour12 is asked for. */
export function formatTime(date: Date, hour12 = false): string {
  const h = date.getHours();
  const m = pad2(date.getMinutes());
  if (!hour12) return `${pad2(h)}:${m}`;
  const suffix = h < 12 ? 'AM' : 'PM';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${m} ${suffix}`;
}

/**
 * The list column's date: today -> time, this year -> "3 Mar", older -> "3 Mar 2019".
 * `now` is injectable so the rule is testable; local time is what people expect here.
 */
export function formatListDate(timestamp: number, now: Date = new Date()): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay =
    date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  if (sameDay) return formatTime(date);
  const month = MONTHS[date.getMonth()] ?? '';
  if (date.getFullYear() === now.getFullYear()) return `${date.getDate()} ${month}`;
  return `${date.getDate()} ${month} ${date.getFullYear()}`;
}

/** The reading pane's date: "Tue 3 Mar 2026, 14:05". */
export function formatFullDate(timestamp: number): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getDay()] ?? '';
  return `${day} ${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${date.getFullYear()}, ${formatTime(date)}`;
}

/** 0 B, 912 B, 14 KB, 2.4 MB, 1.1 GB (1024-based, as file managers show). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

/** "Ana Lima" for a named address, else the local part of the email. */
export function displayName(address: MailAddress | undefined | null): string {
  if (!address) return '';
  // Bidi controls could reorder what the person reads ("gpj.exe" shown as "exe.jpg").
  const name = stripBidi(address.name).trim().replace(/^["']|["']$/g, '');
  if (name) return name;
  const local = address.email.split('@')[0];
  return local || address.email;
}

/** "Ana Lima <ana@example.com>" or just the email. */
export function fullAddress(address: MailAddress): string {
  const name = stripBidi(address.name).trim();
  return name && name !== address.email ? `${name} <${address.email}>` : address.email;
}

/** Stable 32-bit FNV-1a hash of a string. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A pleasant, stable hue for an email address (avatars). */
export function avatarHue(email: string): number {
  return hashString(email.trim().toLowerCase()) % 360;
}

/** Initials for an avatar: "Ana Lima" -> "AL", "ana@x" -> "A". */
export function initialsFor(name: string, email: string): string {
  const words = name
    .replace(/[<>"'()[\]]/g, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length >= 2) return `${words[0]!.charAt(0)}${words[words.length - 1]!.charAt(0)}`.toUpperCase();
  if (words.length === 1) return words[0]!.charAt(0).toUpperCase();
  return (email.charAt(0) || '?').toUpperCase();
}

/** "Ana, Bo, me" from participants (deduplicated, oldest first), shortened to fit. */
export function participantsLabel(participants: readonly string[], max = 3): string {
  const unique: string[] = [];
  for (const p of participants) if (p && !unique.includes(p)) unique.push(p);
  if (unique.length === 0) return '';
  if (unique.length === 1) return unique[0]!;
  const firstNames = unique.map((p) => (p === 'me' ? 'me' : (p.split(/\s+/)[0] ?? p)));
  if (firstNames.length <= max) return firstNames.join(', ');
  return `${firstNames[0]} … ${firstNames.slice(-(max - 1)).join(', ')}`;
}

/** "1,234" with thin grouping, locale-free so tests are stable. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "about 2 min", "12 s" for an ETA. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min left`;
}
