/**
 * What may never reach a log file: OAuth tokens, codes and client secrets (by shape and by
 * the key they sit under), and mail content (by key: a logged record names a message, it
 * never quotes one).
 */
const SECRET_KEYS = /^(access_?token|refresh_?token|id_?token|token|code|code_?verifier|client_?secret|secret|password|authorization|cookie|key)$/i;
const MAIL_KEYS = /^(subject|snippet|body|bodies|html|text|raw|payload|from|to|cc|bcc|sender|recipients|headers|filename|query|q)$/i;

const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\bya29\.[\w.-]+/g, 'ya29.[token]'],
  [/\b1\/\/[\w.-]+/g, '1//[token]'],
  [/\bGOCSPX-[\w-]+/g, 'GOCSPX-[secret]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[jwt]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [token]'],
  [/\b(access_token|refresh_token|id_token|client_secret|code_verifier|code|token|password)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi, '$1$2[redacted]'],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A JSON-safe copy with secrets and mail content replaced; errors keep their name, code and (redacted) message. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: redactText(value.message),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      ...(value.stack ? { stack: redactText(value.stack.split('\n').slice(1, 6).join('\n')) } : {}),
      ...(value.cause !== undefined ? { cause: redactValue(value.cause, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEYS.test(key)) out[key] = '[redacted]';
    else if (MAIL_KEYS.test(key)) out[key] = '[mail content]';
    else out[key] = redactValue(item, depth + 1);
  }
  return out;
}
