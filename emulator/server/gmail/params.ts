/** Query-parameter binding the way Google's front end does it: unknown names and bad values are 400s. */
import { createHmac } from 'node:crypto';
import { errors } from '../errors';

export type ParamType =
  | { kind: 'string' }
  | { kind: 'strings' }
  | { kind: 'uint32'; field: string }
  | { kind: 'uint64'; field: string }
  | { kind: 'bool'; field: string }
  | { kind: 'enum'; field: string; typeName: string; values: string[]; repeated?: boolean };

export type ParamSpec = Record<string, ParamType>;

/** System parameters accepted on every Google API method. */
const STANDARD = new Set([
  'fields',
  'prettyPrint',
  'alt',
  'quotaUser',
  'key',
  'access_token',
  'oauth_token',
  'callback',
  'uploadType',
  'upload_protocol',
  '$.xgafv',
  'userIp',
]);

export interface BoundParams {
  str(name: string): string | undefined;
  strs(name: string): string[];
  num(name: string): number | undefined;
  bool(name: string): boolean;
}

export function bindParams(query: URLSearchParams, spec: ParamSpec): BoundParams {
  const strs = new Map<string, string[]>();
  const nums = new Map<string, number>();
  const bools = new Map<string, boolean>();
  for (const [name, value] of query) {
    if (STANDARD.has(name)) continue;
    const t = spec[name];
    if (!t) throw errors.unknownParam(name);
    switch (t.kind) {
      case 'string':
      case 'strings':
        strs.set(name, [...(strs.get(name) ?? []), value]);
        break;
      case 'uint32':
      case 'uint64': {
        const max = t.kind === 'uint32' ? 4294967295 : Number.MAX_SAFE_INTEGER;
        if (!/^\d+$/.test(value) || Number(value) > max) throw errors.invalidValue(t.field, t.kind === 'uint32' ? 'TYPE_UINT32' : 'TYPE_UINT64', value);
        nums.set(name, Number(value));
        strs.set(name, [value]);
        break;
      }
      case 'bool': {
        const v = value.toLowerCase();
        if (v !== 'true' && v !== 'false' && v !== '1' && v !== '0') throw errors.invalidValue(t.field, 'TYPE_BOOL', value);
        bools.set(name, v === 'true' || v === '1');
        break;
      }
      case 'enum': {
        const canon = t.values.find((x) => x.toLowerCase() === value.toLowerCase());
        if (!canon) throw errors.invalidValue(t.field, t.typeName, value);
        strs.set(name, t.repeated ? [...(strs.get(name) ?? []), canon] : [canon]);
        break;
      }
    }
  }
  const alt = query.get('alt');
  if (alt !== null && alt !== 'json') throw errors.invalidValue('alt', 'type.googleapis.com/google.api.Alt', alt);
  const pp = query.get('prettyPrint');
  if (pp !== null && !['true', 'false', '1', '0'].includes(pp.toLowerCase())) throw errors.invalidValue('prettyPrint', 'TYPE_BOOL', pp);
  return {
    str: (n) => strs.get(n)?.at(-1),
    strs: (n) => strs.get(n) ?? [],
    num: (n) => nums.get(n),
    bool: (n) => bools.get(n) ?? false,
  };
}

/** maxResults: default 100, capped at 500 (Gmail clamps silently). */
export function pageSize(p: BoundParams, def = 100, max = 500): number {
  const n = p.num('maxResults');
  if (n === undefined || n === 0) return def;
  return Math.min(n, max);
}

/**
 * Page tokens: opaque 20-digit strings (like Gmail's) that carry an offset and a MAC, so a
 * made-up or truncated token is told apart from a real one.
 */
export class PageTokens {
  constructor(private readonly secret: string) {}

  private mac(kind: string, scope: string, offset: number): string {
    const h = createHmac('sha256', this.secret).update(`${kind}\u0000${scope}\u0000${offset}`).digest();
    return (h.readBigUInt64BE(0) % 10n ** 10n).toString().padStart(10, '0');
  }

  encode(kind: string, scope: string, offset: number): string {
    return offset.toString().padStart(10, '0') + this.mac(kind, scope, offset);
  }

  /** The offset, or throws 400 "Invalid pageToken". */
  decode(kind: string, scope: string, token: string | undefined): number {
    if (token === undefined || token === '') return 0;
    if (!/^\d{20}$/.test(token)) throw errors.invalidPageToken();
    const offset = Number(token.slice(0, 10));
    if (this.mac(kind, scope, offset) !== token.slice(10)) throw errors.invalidPageToken();
    return offset;
  }
}
