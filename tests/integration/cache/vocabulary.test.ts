/**
 * "Did you mean" over a real cache: the demo mailbox synced from the emulator into libsql,
 * the suggestions read from the FTS index's own vocabulary (fts5vocab).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../emulator/emulator';
import { startEmulator, type EmulatorHandle } from '../../../emulator/index';
import { openAccountCache, type AccountCache } from '../../../main/cache/index';
import { editDistance, vocabularyFor, type CacheVocabulary } from '../../../main/cache/vocabulary';
import { gmailApiFor, refreshTokenFor } from './helpers/emulator-client';

let emu: EmulatorHandle;
let dataDir: string;
let cache: AccountCache;
let vocabulary: CacheVocabulary;

function mail(subject: string, body: string, n: number): string {
  return [
    `From: Tess Vale <tess@words.example>`,
    `To: ${DEMO_ACCOUNT}`,
    `Subject: ${subject}`,
    `Message-ID: <words-${n}@words.example>`,
    'Date: Mon, 2 Nov 2026 10:00:00 +0000',
    '',
    body,
    '',
  ].join('\r\n');
}

async function found(query: string): Promise<number> {
  return (await cache.source.listMessages({ kind: 'query', query }, { pageSize: 100 })).rows.length;
}

describe('the cache vocabulary', () => {
  beforeAll(async () => {
    emu = await startEmulator({ accessTokenTtlSeconds: 3600 });
    // Two made-up words one edit from "zundor": the more frequent one must win.
    for (let i = 0; i < 3; i++) emu.addMessage(DEMO_ACCOUNT, mail(`Zandor report ${i}`, 'The zandor figures are in.', i));
    emu.addMessage(DEMO_ACCOUNT, mail('Zindor note', 'One zindor only.', 9));
    // A typo in someone's mail ("plovr", once) beside a word in twenty messages.
    for (let i = 0; i < 20; i++) emu.addMessage(DEMO_ACCOUNT, mail(`Plover count ${i}`, 'The plover came back.', 100 + i));
    emu.addMessage(DEMO_ACCOUNT, mail('Birds', 'Saw a plovr today.', 200));
    emu.addMessage(DEMO_ACCOUNT, mail('회의 일정 안내', '다음 주 회의는 화요일입니다. Bring the invoice.', 10));
    const api = gmailApiFor(emu, await refreshTokenFor(emu, DEMO_ACCOUNT));
    dataDir = mkdtempSync(join(tmpdir(), 'skimmer-vocabulary-'));
    cache = openAccountCache({ dataDir, accountId: 'demo-id', api });
    await cache.sync!.syncNow();
    vocabulary = vocabularyFor(cache.db, () => cache.store.labelCounts().total);
  }, 120_000);

  afterAll(async () => {
    await cache?.close();
    await emu?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('corrects a misspelt word to one the mailbox has, and the corrected search finds mail', async () => {
    expect(await found('invoce')).toBe(0);
    expect(vocabulary.suggest('invoce')).toBe('invoice');
    expect(vocabulary.suggest('Invocie')).toBe('invoice');
    expect(await found('invoice')).toBeGreaterThan(10);
  });

  it('prefers the more frequent of two words at the same distance', () => {
    expect(vocabulary.suggest('zundor')).toBe('zandor');
    expect(vocabulary.suggest('zindr')).toBe('zindor');
  });

  it("corrects a rare word only to a far more frequent neighbour (the mailbox's own typos)", async () => {
    expect(await found('plovr')).toBe(1);
    expect(vocabulary.suggest('plovr')).toBe('plover');
    // Three messages against one is not "far more": both are words.
    expect(vocabulary.suggest('zindor')).toBeNull();
  });

  it('prefers a missing letter to a wrong one at the same number of edits', () => {
    expect(editDistance('contrct', 'contract')).toBeLessThan(editDistance('contrct', 'contact'));
  });

  it('keeps operators, quoted phrases, keywords, negation and brackets as typed', () => {
    expect(vocabulary.suggest('from:tess invoce')).toBe('from:tess invoice');
    expect(vocabulary.suggest('"invoce paid" meetng')).toBe('"invoce paid" meeting');
    expect(vocabulary.suggest('-invoce')).toBe('-invoice');
    expect(vocabulary.suggest('(invoce OR meetng)')).toBe('(invoice OR meeting)');
    expect(vocabulary.suggest('label:invoce subject:meetng')).toBeNull();
  });

  it('suggests nothing for words the mailbox has (in any field), short words, numbers or words too far off', () => {
    expect(vocabulary.suggest('invoice meeting')).toBeNull();
    expect(vocabulary.suggest('tess')).toBeNull();
    expect(vocabulary.suggest('inv')).toBeNull();
    expect(vocabulary.suggest('2024')).toBeNull();
    expect(vocabulary.suggest('zzzznotaword')).toBeNull();
  });

  it('leaves Korean (CJK bigrams) alone, and corrects the Latin words beside it', async () => {
    expect(await found('회의')).toBeGreaterThan(0);
    expect(vocabulary.suggest('회의')).toBeNull();
    expect(vocabulary.suggest('회이')).toBeNull();
    expect(vocabulary.suggest('회의 invocie')).toBe('회의 invoice');
  });

  it('measures edits the Damerau way: a swap of neighbours is one', () => {
    expect(editDistance('invoice', 'invocie')).toBe(1);
    expect(editDistance('invoice', 'invoce')).toBe(1);
    expect(editDistance('meeting', 'meetng')).toBe(1);
    expect(editDistance('invoice', 'invoise')).toBe(1.25);
    expect(editDistance('abcdef', 'uvwxyz')).toBe(3);
  });
});
