/**
 * What the app does when start-up fails: plain functions, so the decisions are tested in
 * Node and main/electron/main.ts only shows the dialog and quits.
 */
import { copyFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { log } from '../logging/log';
import { t } from '../i18n/translate';

export interface StartupFailureMessage {
  readonly title: string;
  readonly content: string;
}

/** True when `settings.json` (or another conf store) exists and is not valid JSON. */
export async function findCorruptStores(dataDir: string, names: readonly string[] = ['settings']): Promise<string[]> {
  const corrupt: string[] = [];
  for (const name of names) {
    const file = path.join(dataDir, `${name}.json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    try {
      JSON.parse(text);
    } catch {
      corrupt.push(file);
    }
  }
  return corrupt;
}

/**
 * Keeps a copy of each corrupt store as `<file>.corrupt-<time>` and removes the original, so
 * the next start begins with defaults. Returns the copies' paths.
 */
export async function setAsideCorruptStores(files: readonly string[], now: Date = new Date()): Promise<string[]> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const kept: string[] = [];
  for (const file of files) {
    const copy = `${file}.corrupt-${stamp}`;
    await copyFile(file, copy);
    await rm(file, { force: true });
    kept.push(copy);
  }
  return kept;
}

/** The dialog for a start-up failure: what went wrong and what to do, in main's language. */
export function describeStartupFailure(error: unknown, keptCopies: readonly string[]): StartupFailureMessage {
  if (keptCopies.length > 0) {
    return {
      title: t('startup.damaged.title'),
      content: t('startup.damaged.content', { copies: keptCopies.map((c) => `  ${c}`).join('\n') }),
    };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { title: t('startup.failed.title'), content: t('startup.failed.content', { detail }) };
}

/** Runs after a start-up failure: sets corrupt stores aside and returns the dialog to show. */
export async function handleStartupFailure(error: unknown, dataDir: string, now: Date = new Date()): Promise<StartupFailureMessage> {
  const corrupt = await findCorruptStores(dataDir, ['settings', 'accounts-google', 'accounts-demo']);
  const kept = await setAsideCorruptStores(corrupt, now).catch((setAsideError: unknown): string[] => {
    log.error('startup', 'corrupt stores could not be set aside', setAsideError);
    return [];
  });
  return describeStartupFailure(error, kept);
}
