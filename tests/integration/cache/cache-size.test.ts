/**
 * What a real initial sync leaves on disk (the engine against the emulator, 1,000 corpus
 * messages): the file compacted once the sync is done (no half-empty pages left by the
 * newest-first page order), the stored messages deflated against a dictionary of the
 * mailbox's own mail, and the whole cache about the size of the raw mail it holds.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../emulator/index';
import { openCacheDatabase, scalar } from '../../../main/cache/database';
import { MailStore } from '../../../main/cache/mail-store';
import { SyncEngine } from '../../../main/cache/sync-engine';
import { CORPUS_ACCOUNT, HAVE_CORPUS } from './helpers/corpus';
import { gmailApiFor, refreshTokenFor } from './helpers/emulator-client';
import { corpusSample } from './helpers/fixture';

const SAMPLE = 1000;
let emu: EmulatorHandle;
let dir: string;
let store: MailStore;
let files: string[];

describe.skipIf(!HAVE_CORPUS)('the cache a sync leaves', () => {
  beforeAll(async () => {
    files = corpusSample(SAMPLE, 7);
    emu = await startEmulator({ accounts: [{ email: CORPUS_ACCOUNT, mail: files }] });
    dir = mkdtempSync(join(tmpdir(), 'skimmer-size-'));
    store = new MailStore(openCacheDatabase(join(dir, 'mail.db')));
    await new SyncEngine({ store, api: gmailApiFor(emu, await refreshTokenFor(emu, CORPUS_ACCOUNT)) }).syncNow();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  }, 180_000);

  afterAll(async () => {
    store?.db.close();
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is compact: a VACUUM of it would not make it smaller', () => {
    expect(store.messageCount()).toBe(SAMPLE);
    const copy = join(dir, 'vacuumed.db');
    store.db.prepare('VACUUM INTO ?').run(copy);
    expect(statSync(join(dir, 'mail.db')).size).toBeLessThanOrEqual(statSync(copy).size * 1.02);
  });

  it('stores messages deflated against a dictionary built from the mailbox', () => {
    expect(scalar<number>(store.db.prepare('SELECT count(*) FROM body_dictionaries'))).toBe(1);
    const withDictionary = scalar<number>(store.db.prepare("SELECT count(*) FROM message_bodies WHERE substr(message, 1, 1) = x'fe'"));
    expect(withDictionary).toBe(SAMPLE - 256);
  });

  // 1,000 messages: each table's first pages and the vocabulary weigh more here than in a
  // whole mailbox (bench/search-latency.ts measures the corpus at about the raw size and 10k
  // below it). Without the compaction, dictionaries and day rowids this cache is 1.54 times its raw mail.
  it('is within a fifth of the raw mail it holds', () => {
    const raw = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
    expect(statSync(join(dir, 'mail.db')).size).toBeLessThanOrEqual(raw * 1.25);
  });
});
