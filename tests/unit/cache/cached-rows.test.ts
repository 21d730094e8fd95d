/**
 * summary_json keeps only what the row's columns don't already say, and a row reads back the
 * same summary whichever form it was stored in (schema 4's short form, or the whole summary
 * older rows hold).
 */
import { describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../common/mail-types';
import { storedSummaryJson, summaryFromRow, type RowData } from '../../../main/cache/cached-rows';

const summary: MessageSummary = {
  id: '18c2f0a1b2c3d4e5',
  threadId: '18c2f0a1b2c3d4e5',
  internalDate: 1_700_000_000_000,
  from: { name: 'Ana Lima', email: 'ana@example.com' },
  to: [{ name: '', email: 'bo@example.com' }],
  subject: 'Quarterly numbers',
  snippet: 'Here are the numbers for the quarter',
  labelIds: ['INBOX', 'UNREAD'],
  unread: true,
  starred: false,
  hasAttachment: true,
  sizeEstimate: 4321,
};

function row(summaryJson: string, overrides: Partial<RowData> = {}): RowData {
  return {
    rowid: 1,
    id: summary.id,
    thread_id: summary.threadId,
    internal_date: summary.internalDate,
    subject: summary.subject,
    size_estimate: summary.sizeEstimate,
    label_ids: JSON.stringify(summary.labelIds),
    summary_json: summaryJson,
    ...overrides,
  };
}

describe('cached list rows', () => {
  it('store the summary without what the columns hold, and read it back whole', () => {
    const json = storedSummaryJson(summary, summary);
    expect(Object.keys(JSON.parse(json) as object).sort()).toEqual(['from', 'hasAttachment', 'snippet', 'to']);
    expect(json.length).toBeLessThan(JSON.stringify(summary).length * 0.7);
    expect(summaryFromRow(row(json))).toEqual(summary);
  });

  it('keep a field that differs from its column (a second Subject header joined into the column)', () => {
    const json = storedSummaryJson(summary, { ...summary, subject: 'Quarterly numbers Re: fwd' });
    expect(summaryFromRow(row(json, { subject: 'Quarterly numbers Re: fwd' })).subject).toBe('Quarterly numbers');
  });

  it('read the whole summary of older rows, with the labels of the row', () => {
    const starred = summaryFromRow(row(JSON.stringify(summary), { label_ids: '["INBOX","STARRED"]' }));
    expect(starred).toEqual({ ...summary, labelIds: ['INBOX', 'STARRED'], unread: false, starred: true });
  });
});
