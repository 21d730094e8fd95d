/** RS256 ID tokens signed with a key generated at start-up, plus the certs endpoints' bodies. */
import { createHash, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

export class IdTokenSigner {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.kid = randomBytes(20).toString('hex');
  }

  sign(claims: Record<string, unknown>): string {
    const header = { alg: 'RS256', kid: this.kid, typ: 'JWT' };
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${enc(header)}.${enc(claims)}`;
    const sig = createSign('RSA-SHA256').update(input).sign(this.privateKey).toString('base64url');
    return `${input}.${sig}`;
  }

  /** Verify a token this emulator signed; returns its claims or undefined. */
  verify(jwt: string): Record<string, unknown> | undefined {
    const parts = jwt.split('.');
    if (parts.length !== 3) return undefined;
    const [h, p, s] = parts as [string, string, string];
    try {
      const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(this.publicKey, Buffer.from(s, 'base64url'));
      if (!ok) return undefined;
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
      return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  /** `/oauth2/v3/certs` body. */
  jwks(): { keys: Record<string, unknown>[] } {
    const jwk = this.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    return { keys: [{ ...jwk, kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  /** `/oauth2/v1/certs` body: kid -> PEM (a public key; Node's verifier accepts it like a certificate). */
  pemCerts(): Record<string, string> {
    return { [this.kid]: this.publicKey.export({ format: 'pem', type: 'spki' }).toString() };
  }
}

/** OIDC `at_hash`: base64url of the left half of SHA-256(access_token). */
export function atHash(accessToken: string): string {
  const d = createHash('sha256').update(accessToken).digest();
  return d.subarray(0, d.length / 2).toString('base64url');
}
