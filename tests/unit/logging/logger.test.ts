import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLogger, LOG_FILE } from '../../../main/logging/logger';

describe('main log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skimmer-log-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const lines = async (file = LOG_FILE) => (await readFile(path.join(dir, file), 'utf8')).trim().split('\n');

  it('writes one JSON record per line at or above its level', async () => {
    const logger = new FileLogger({ dir, level: 'info', now: () => new Date('2026-05-01T10:00:00Z') });
    logger.debug('sync', 'not written');
    logger.warn('sync', 'cache busy', { accountId: 'a1', attempt: 2 });
    const [only, ...rest] = await lines();
    expect(rest).toEqual([]);
    expect(JSON.parse(only!)).toEqual({
      time: '2026-05-01T10:00:00.000Z',
      level: 'warn',
      scope: 'sync',
      message: 'cache busy',
      data: { accountId: 'a1', attempt: 2 },
    });
  });

  it('never writes a token, a client secret or mail content', async () => {
    const logger = new FileLogger({ dir });
    const error = new Error('request failed: Authorization: Bearer ya29.a0AfH6SMBx refresh_token=1//0gAbCdEf');
    logger.error('auth', 'refresh failed for code=4/0AX4XfWh', {
      error,
      tokens: { access_token: 'ya29.zzz', refresh_token: '1//yyy' },
      clientSecret: 'GOCSPX-abc123',
      note: 'secret GOCSPX-def456 in text',
      jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
      message: { id: 'm1', subject: 'Your bank password', snippet: 'Hi Ann,', from: 'ann@example.com' },
    });
    const text = await readFile(path.join(dir, LOG_FILE), 'utf8');
    for (const secret of [
      'a0AfH6SMBx',
      '0gAbCdEf',
      '4/0AX4XfWh',
      'ya29.zzz',
      '1//yyy',
      'abc123',
      'def456',
      'eyJzdWIiOiIxIn0',
      'bank password',
      'Hi Ann',
      'ann@example.com',
    ]) {
      expect(text).not.toContain(secret);
    }
    const record = JSON.parse(text);
    expect(record.data.message.id).toBe('m1');
    expect(record.data.error.name).toBe('Error');
  });

  it('rotates by size and keeps only the newest files', async () => {
    const logger = new FileLogger({ dir, maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) logger.info('test', `record ${i} ${'x'.repeat(40)}`);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    for (const file of files) expect((await readFile(path.join(dir, file))).byteLength).toBeLessThanOrEqual(400);
    const newest = await lines();
    expect(newest.at(-1)).toContain('record 39');
    expect((await lines(`${LOG_FILE}.2`)).join('\n')).not.toContain('record 0 ');
  });
});
