/** Small MIME writing helpers for the demo generator: encoded words, QP, base64, parts. */

export type Encoder = (text: string) => Buffer;

export function wrapBase64(buf: Buffer): string {
  return (buf.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

/** RFC 2047 B-encoding when the text is not plain ASCII. */
export function encodeWord(text: string, charset = 'UTF-8', encode: Encoder = (s) => Buffer.from(s, 'utf8')): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  if (charset.toUpperCase() !== 'UTF-8') return `=?${charset}?B?${encode(text).toString('base64')}?=`;
  // split on whole characters so every word stays valid UTF-8 and short
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\n ');
}

/** "Name <addr>" with the display name quoted or encoded as needed. */
export function address(name: string, email: string): string {
  if (!name) return email;
  if (!/^[\x20-\x7e]*$/.test(name)) return `${encodeWord(name)} <${email}>`;
  return /[(),.:;<>@[\]"]/.test(name) ? `"${name.replace(/"/g, '\\"')}" <${email}>` : `${name} <${email}>`;
}

export function quotedPrintable(text: string): string {
  const bytes = Buffer.from(text.replace(/\r?\n/g, '\n'), 'utf8');
  const lines: string[] = [];
  let line = '';
  const push = (token: string): void => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 10) {
      if (line.endsWith(' ') || line.endsWith('\t')) line = line.slice(0, -1) + (line.endsWith(' ') ? '=20' : '=09');
      lines.push(line);
      line = '';
    } else if ((b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9) push(String.fromCharCode(b));
    else push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  lines.push(line);
  return lines.join('\n');
}

export interface Part {
  headers: [string, string][];
  body: string;
}

export function textPart(
  text: string,
  opts: { subtype?: 'plain' | 'html'; cte?: 'qp' | 'base64' | '7bit' | '8bit'; charset?: string; encode?: Encoder } = {},
): Part {
  const subtype = opts.subtype ?? 'plain';
  const charset = opts.charset ?? 'UTF-8';
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const cte = opts.cte ?? (ascii ? '7bit' : 'qp');
  const headers: [string, string][] = [['Content-Type', `text/${subtype}; charset="${charset}"`]];
  if (cte === 'qp') headers.push(['Content-Transfer-Encoding', 'quoted-printable']);
  else if (cte === 'base64') headers.push(['Content-Transfer-Encoding', 'base64']);
  else headers.push(['Content-Transfer-Encoding', cte]);
  const bytes = opts.encode ? opts.encode(text) : Buffer.from(text, 'utf8');
  const body = cte === 'qp' ? quotedPrintable(text) : cte === 'base64' ? wrapBase64(bytes) : bytes.toString('latin1');
  return { headers, body };
}

export function attachmentPart(filename: string, mimeType: string, data: Buffer, opts: { inline?: boolean; contentId?: string } = {}): Part {
  const headers: [string, string][] = [
    ['Content-Type', `${mimeType}; name="${filename}"`],
    ['Content-Disposition', `${opts.inline ? 'inline' : 'attachment'}; filename="${filename}"`],
    ['Content-Transfer-Encoding', 'base64'],
  ];
  if (opts.contentId) headers.push(['Content-ID', `<${opts.contentId}>`]);
  return { headers, body: wrapBase64(data) };
}

export function multipart(subtype: 'mixed' | 'alternative' | 'related', parts: Part[], boundary: string): Part {
  const body = `${parts.map((p) => `--${boundary}\n${renderHeaders(p.headers)}\n\n${p.body}\n`).join('')}--${boundary}--`;
  return { headers: [['Content-Type', `multipart/${subtype}; boundary="${boundary}"`]], body };
}

export function renderHeaders(headers: [string, string][]): string {
  return headers.map(([k, v]) => `${k}: ${v}`).join('\n');
}
