import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';
import { t } from '../i18n/translate';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors turned into UsageError. */
export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/^.*?: /, '') : String(e));
  }
}

export function requireString(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(t('cli.flagRequired', { flag }));
  return value;
}

export function optionalPositiveNumber(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(t('cli.flagPositive', { flag }));
  return n;
}
