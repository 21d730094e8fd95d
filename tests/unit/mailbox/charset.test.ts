import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeEncodedWords, parseMessage } from '../../../emulator/mailbox';

const hex = (h: string): Buffer => Buffer.from(h.replace(/\s+/g, ''), 'hex');
const ESC = '1b';

describe('charsets', () => {
  it.each([
    ['euc-kr', hex('c7d1 b1b9 beee'), '한국어'],
    ['ks_c_5601-1987', hex('c7d1 b1b9 beee'), '한국어'],
    ['iso-2022-jp', hex(`${ESC}2442 467c 4b5c 386c ${ESC}2842`), '日本語'],
    ['shift_jis', hex('93fa 967b 8cea'), '日本語'],
    ['gb2312', hex('d6d0 cec4'), '中文'],
    ['gbk', hex('d6d0 cec4'), '中文'],
    ['big5', hex('a4a4 a4e5'), '中文'],
    ['koi8-r', hex('f0d2 c9d7 c5d4'), 'Привет'],
    ['utf-7', Buffer.from('Hi Mom -+Jjo--!'), 'Hi Mom -☺-!'],
    ['UTF-8', Buffer.from('café'), 'café'],
    ['iso-8859-1', hex('63 61 66 e9'), 'café'],
    ['"windows-1252"', hex('80 20 35'), '€ 5'],
    ['gb2312_charset', hex('d6d0 cec4'), '中文'],
  ])('%s decodes', (charset, bytes, text) => {
    expect(decodeBytes(bytes, charset)).toBe(text);
  });

  it.each(['default', 'none', 'x-unknown', 'default_charset', '', 'iso-bogus-42'])('bogus label %j falls back without throwing', (charset) => {
    expect(decodeBytes(Buffer.from('café'), charset)).toBe('café'); // valid UTF-8 stays UTF-8
    expect(decodeBytes(hex('63 61 66 e9'), charset)).toBe('café'); // else windows-1252
  });

  it('decodes encoded words in CJK charsets, each ISO-2022-JP word on its own', () => {
    expect(decodeEncodedWords('=?iso-2022-jp?B?GyRCRnxLXDhsGyhC?= =?iso-2022-jp?B?GyRCJE4bKEI=?=')).toBe('日本語の');
    const korean = hex('c7d1 b1b9 beee 20').toString('base64');
    expect(decodeEncodedWords(`=?euc-kr?B?${korean}?=test`)).toBe('한국어 test');
    expect(decodeEncodedWords('=?big5?Q?=A4=A4=A4=E5?=')).toBe('中文');
    expect(decodeEncodedWords('=?x-bogus?Q?abc?=')).toBe('abc');
  });

  it('decodes a body in the charset of its part, leaving payload bytes as they were', () => {
    const subject = hex('c7d1 b1b9 beee').toString('base64');
    const raw = Buffer.concat([Buffer.from(`Subject: =?EUC-KR?B?${subject}?=\nContent-Type: text/plain; charset=euc-kr\n\n`), hex('c7d1 b1b9 beee')]);
    const m = parseMessage(raw);
    expect(m.bodyText).toBe('한국어');
    expect(m.subject).toBe('한국어');
    expect(Buffer.from(m.payload.body.data!, 'base64url')).toEqual(hex('c7d1 b1b9 beee'));
  });

  it('decodes raw 8-bit headers as UTF-8, else in the message charset', () => {
    const utf8 = parseMessage(Buffer.from('Subject: Grüße\n\nx'));
    expect(utf8.subject).toBe('Grüße');
    const gb = parseMessage(Buffer.concat([Buffer.from('Subject: '), hex('d6d0 cec4'), Buffer.from('\nContent-Type: text/plain; charset=gb2312\n\nx')]));
    expect(gb.subject).toBe('中文');
  });

  it('uses the <meta> charset of an HTML part without a charset parameter', () => {
    const raw = Buffer.concat([
      Buffer.from('Content-Type: text/html\n\n<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>'),
      hex('d6d0 cec4'),
      Buffer.from('</p>'),
    ]);
    expect(parseMessage(raw).bodyText).toBe('中文');
  });
});
