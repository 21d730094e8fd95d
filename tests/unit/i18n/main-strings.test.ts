import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from '../../../main/auth/loopback-server';
import { runCli } from '../../../main/cli/cli';
import { mainLocale, setMainLocale } from '../../../main/i18n/translate';
import { describeStartupFailure } from '../../../main/services/startup-failure';
import { buildAppMenuTemplate } from '../../../main/window/app-menu';

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      stream.text += chunk.toString('utf8');
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

afterEach(() => setMainLocale('en-US'));

describe('main speaks Korean when the locale is Korean', () => {
  it('the app menu, every role included', () => {
    setMainLocale('ko-KR');
    const menu = buildAppMenuTemplate('linux', 'Skimmer', { openAbout: () => undefined, openHelp: () => undefined });
    expect(menu.map((m) => m.label)).toEqual(['파일(&F)', '편집(&E)', '보기(&V)', '창(&W)', '도움말(&H)']);
    const items = menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const labels = items.filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(labels).toContain('붙여넣기');
    expect(labels).toContain('Skimmer 정보');
    expect(labels.every((l) => typeof l === 'string' && l.length > 0)).toBe(true);
  });

  it('the browser page after sign-in, with lang="ko"', () => {
    setMainLocale('ko-KR');
    const html = page('success');
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('로그인되었습니다');
    expect(html).toContain('이 탭을 닫고 Skimmer로 돌아가세요.');
    expect(html).toContain('word-break: keep-all');
    setMainLocale('en-US');
    expect(page('denied')).toContain('Sign-in cancelled');
  });

  it('the start-up failure dialog', () => {
    setMainLocale('ko_KR.UTF-8');
    const message = describeStartupFailure(new Error('disk full'), []);
    expect(message.title).toBe('Skimmer를 시작하지 못했습니다');
    expect(message.content).toContain('Error: disk full');
  });

  it('the CLI follows LANG; its JSON stays the same', async () => {
    const stderr = sink();
    const code = await runCli(['frobnicate'], { stdout: sink(), stderr, env: { LANG: 'ko_KR.UTF-8' }, signal: new AbortController().signal });
    expect(code).toBe(2);
    expect(stderr.text).toContain('알 수 없는 명령입니다: "frobnicate"');
    expect(stderr.text).toContain('사용법: npm run cli -- <명령> [옵션]');
    expect(mainLocale()).toBe('ko');

    const english = sink();
    await runCli(['--help'], { stdout: english, stderr: sink(), env: { LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' }, signal: new AbortController().signal });
    expect(english.text).toContain('Usage: npm run cli -- <command> [options]');
  });

  it('a CLI command reads in Korean while its --json output does not change', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'skimmer-cli-ko-'));
    try {
      const io = (stdout: Writable, stderr: Writable) => ({ stdout, stderr, env: { LANG: 'ko_KR.UTF-8' }, signal: new AbortController().signal });
      const human = sink();
      expect(await runCli(['accounts', '--data-dir', dataDir], io(sink(), human))).toBe(0);
      expect(human.text).toContain('계정이 없습니다.');
      const json = sink();
      expect(await runCli(['accounts', '--data-dir', dataDir, '--json'], io(json, sink()))).toBe(0);
      expect(JSON.parse(json.text)).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
