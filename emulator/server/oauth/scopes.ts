/** Scope names, their aliases and how the consent page describes them. */

export const GMAIL = 'https://www.googleapis.com/auth/gmail.';
export const SCOPES = {
  mailFull: 'https://mail.google.com/',
  modify: `${GMAIL}modify`,
  readonly: `${GMAIL}readonly`,
  metadata: `${GMAIL}metadata`,
  labels: `${GMAIL}labels`,
  compose: `${GMAIL}compose`,
  send: `${GMAIL}send`,
  insert: `${GMAIL}insert`,
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
  userinfoProfile: 'https://www.googleapis.com/auth/userinfo.profile',
  openid: 'openid',
} as const;

interface ScopeDescription {
  title: string;
  detail: string;
  sensitive: boolean;
}
const scope = (title: string, detail: string, sensitive: boolean): ScopeDescription => ({ title, detail, sensitive });

const DESCRIPTIONS: Record<string, ScopeDescription> = {
  [SCOPES.mailFull]: scope('Read, compose, send and permanently delete all your email from Gmail', 'Full access to your mailbox.', true),
  [SCOPES.modify]: scope('Read, compose and send emails from your Gmail account', 'Also change labels and move mail to the bin.', true),
  [SCOPES.readonly]: scope('View your email messages and settings', 'Read messages, threads, labels, attachments and history. Nothing can be changed.', true),
  [SCOPES.metadata]: scope('View your email message metadata such as labels and headers, but not the email body', 'Headers, labels and history only.', true),
  [SCOPES.labels]: scope('See and edit your email labels', 'Label names and colours only.', false),
  [SCOPES.compose]: scope('Manage drafts and send emails', '', true),
  [SCOPES.send]: scope('Send email on your behalf', '', true),
  [SCOPES.insert]: scope('Add emails into your Gmail mailbox', '', true),
  [SCOPES.userinfoEmail]: scope('See your primary Google Account email address', '', false),
  [SCOPES.userinfoProfile]: scope("See your personal info, including any personal info you've made publicly available", 'Name and profile picture.', false),
  [SCOPES.openid]: scope('Associate you with your personal info on Google', '', false),
};

const ALIASES: Record<string, string> = {
  email: SCOPES.userinfoEmail,
  profile: SCOPES.userinfoProfile,
};

/** The canonical form Google reports in token responses (`email` -> userinfo.email URL). */
export function canonicalScope(s: string): string {
  return ALIASES[s] ?? s;
}

export function isKnownScope(s: string): boolean {
  return canonicalScope(s) in DESCRIPTIONS;
}

export function describeScope(s: string): { title: string; detail: string; sensitive: boolean } {
  return DESCRIPTIONS[canonicalScope(s)] ?? { title: s, detail: '', sensitive: false };
}

export function isIdentityScope(s: string): boolean {
  const c = canonicalScope(s);
  return c === SCOPES.openid || c === SCOPES.userinfoEmail || c === SCOPES.userinfoProfile;
}

/** Split a scope parameter (space separated, `+` already decoded by URLSearchParams). */
export function splitScopes(param: string): string[] {
  return [...new Set(param.split(/\s+/).filter(Boolean))];
}

export function hasEmail(scopes: Iterable<string>): boolean {
  for (const s of scopes) if (canonicalScope(s) === SCOPES.userinfoEmail) return true;
  return false;
}

export function hasProfile(scopes: Iterable<string>): boolean {
  for (const s of scopes) if (canonicalScope(s) === SCOPES.userinfoProfile) return true;
  return false;
}

export function hasOpenid(scopes: Iterable<string>): boolean {
  for (const s of scopes) if (s === SCOPES.openid) return true;
  return false;
}
