/**
 * An account as the settings file stores it, and the one check of a stored entry. Plain code,
 * no zod: the CLI's cache search reads the account list on every start, and zod alone would be
 * a quarter of that start-up.
 */
export interface PersistedAccount {
  id: string;
  email: string;
  name: string;
  avatarUrl?: string;
  needsReauth?: boolean;
  addedAt?: number;
}

export const ACCOUNTS_STORE_KEY = 'accounts';
export const ACTIVE_ACCOUNT_STORE_KEY = 'activeAccountId';

/** The entry's known fields (unknown ones dropped), or null when a field has the wrong type. */
export function parsePersistedAccount(item: unknown): PersistedAccount | null {
  if (typeof item !== 'object' || item === null) return null;
  const { id, email, name, avatarUrl, needsReauth, addedAt } = item as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || typeof email !== 'string' || typeof name !== 'string') return null;
  if (avatarUrl !== undefined && typeof avatarUrl !== 'string') return null;
  if (needsReauth !== undefined && typeof needsReauth !== 'boolean') return null;
  if (addedAt !== undefined && (typeof addedAt !== 'number' || Number.isNaN(addedAt))) return null;
  return {
    id,
    email,
    name,
    ...(avatarUrl !== undefined ? { avatarUrl } : {}),
    ...(needsReauth !== undefined ? { needsReauth } : {}),
    ...(addedAt !== undefined ? { addedAt } : {}),
  };
}
