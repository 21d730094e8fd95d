/**
 * The ways a secret could leak into a text file: plain, hex (both cases), URL- and JSON-escaped,
 * and base64 / base64url at all three byte alignments (as if it were embedded in a longer
 * buffer), compared on whole 3-byte groups only so padding can't hide a match.
 */
export function encodingsOf(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  const out = [secret, b.toString('hex'), b.toString('hex').toUpperCase(), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (const o of [0, 1, 2]) {
    const part = b.subarray(o);
    const whole = Math.floor(part.length / 3) * 4;
    out.push(part.toString('base64').slice(0, whole), part.toString('base64url').slice(0, whole));
  }
  return out.filter((s) => s.length >= 8);
}
