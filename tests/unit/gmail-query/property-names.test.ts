/**
 * Words that are names of JavaScript object properties (issue 10): they must be plain words
 * to the stemmer, the entity decoders, the label resolver, the emulator evaluator and the cache.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGmailQuery, stemEnglish } from '../../../common/gmail-query';
import { decodeEntities, decodeEntitiesStrict as decodeHtmlEntities } from '../../../common/html-text';
import { compileMatcher, prepareMessage, type MatchContext } from '../../../emulator/search/evaluate';
import { openCacheDatabase } from '../../../main/cache/database';
import { searchLocal } from '../../../main/cache/local-search';
import { plainMessage, plainSearchable } from '../helpers/plain-message';
import { MailStore } from '../../../main/cache/mail-store';

const WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const NOT_THERE = ['function', 'object', 'code', 'native', 'internal'];
const NOW = new Date('2026-11-25T12:00:00Z');

function gmailMessage(id: string, body: string): gmail_v1.Schema$Message {
  return plainMessage({ id, date: NOW.getTime() - 1000, subject: 'hi', text: body, snippet: body });
}

const BASE = plainSearchable({ id: '1', date: NOW.getTime() - 1000, subject: 'hi', bodyText: 'constructor' });
const CTX: MatchContext = { now: NOW, labels: [{ id: 'INBOX', name: 'INBOX', type: 'system' }], includeSpamTrash: false };

describe('property-name words', () => {
  it('stem to themselves, not to Object.prototype members', () => {
    for (const w of WORDS) expect(typeof stemEnglish(w.toLowerCase())).toBe('string');
    expect(stemEnglish('constructor')).toBe('constructor');
  });

  it('are not entity names', () => {
    for (const w of WORDS) {
      expect(decodeEntities(`&${w};`)).toBe(`&${w};`);
      expect(decodeHtmlEntities(`&${w};`)).toBe(`&${w};`);
    }
    expect(decodeEntities('&amp;&eacute;&#x41;&#0;&#99999999;')).toBe('&éA\ufffd\ufffd');
    expect(decodeHtmlEntities('&quot;x&quot; &#99999999;')).toBe('"x" \ufffd');
  });

  it('the emulator evaluator finds "constructor" only by its own words', () => {
    const m = prepareMessage(BASE);
    const hit = (q: string) => compileMatcher(parseGmailQuery(q), CTX)(m);
    expect(hit('constructor')).toBe(true);
    for (const q of NOT_THERE) expect(hit(q), q).toBe(false);
    for (const w of WORDS) expect(hit(`label:${w}`), `label:${w}`).toBe(false);
    for (const w of WORDS) expect(hit(`category:${w}`), `category:${w}`).toBe(false);
    for (const w of WORDS) expect(hit(`has:${w}`), `has:${w}`).toBe(false);
  });

  describe('the cache', () => {
    let store: MailStore;
    beforeAll(() => {
      store = new MailStore(openCacheDatabase(':memory:'));
      store.putMessage(gmailMessage('1', 'constructor'));
      store.putMessage(gmailMessage('2', 'plain words only'));
    });
    afterAll(() => store.db.close());
    const ids = (q: string) => searchLocal(store, q, { limit: 100, now: NOW }).map((h) => h.id);

    it('finds "constructor" only by its own words', () => {
      expect(ids('constructor')).toEqual(['1']);
      for (const q of NOT_THERE) expect(ids(q), q).toEqual([]);
    });

    it('treats label:, category:, has:, is: and operator names as plain values', () => {
      for (const w of WORDS) {
        for (const q of [`label:${w}`, `category:${w}`, `has:${w}`, `is:${w}`, `in:${w}`]) expect(ids(q), q).toEqual([]);
        expect(() => ids(`${w}:x`)).not.toThrow();
        expect(() => ids(w)).not.toThrow();
      }
    });
  });
});
