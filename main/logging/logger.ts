/**
 * Main's log: one line of JSON per record in `<dir>/skimmer.log`, rotated by size
 * (skimmer.log.1 … .N), every field passed through redact.ts first. Writes are
 * synchronous and small, so a record survives a crash right after it; a log that can't be
 * written never breaks the app.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { redactText, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  readonly dir: string;
  readonly level?: LogLevel;
  /** Rotate when the file would pass this size (default 1 MiB). */
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one (default 3). */
  readonly keep?: number;
  /** Also echo to stderr (development). */
  readonly echo?: boolean;
  readonly now?: () => Date;
}

export interface Log {
  debug(scope: string, message: string, data?: unknown): void;
  info(scope: string, message: string, data?: unknown): void;
  warn(scope: string, message: string, data?: unknown): void;
  error(scope: string, message: string, data?: unknown): void;
}

export const LOG_FILE = 'skimmer.log';

export class FileLogger implements Log {
  readonly file: string;
  private readonly threshold: number;
  private readonly maxBytes: number;
  private readonly keep: number;
  private size = -1;

  constructor(private readonly options: LoggerOptions) {
    this.file = path.join(options.dir, LOG_FILE);
    this.threshold = LEVELS[options.level ?? 'info'];
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = Math.max(1, options.keep ?? 3);
  }

  debug(scope: string, message: string, data?: unknown): void {
    this.write('debug', scope, message, data);
  }
  info(scope: string, message: string, data?: unknown): void {
    this.write('info', scope, message, data);
  }
  warn(scope: string, message: string, data?: unknown): void {
    this.write('warn', scope, message, data);
  }
  error(scope: string, message: string, data?: unknown): void {
    this.write('error', scope, message, data);
  }

  private write(level: LogLevel, scope: string, message: string, data: unknown): void {
    if (LEVELS[level] < this.threshold) return;
    const time = (this.options.now?.() ?? new Date()).toISOString();
    const record = { time, level, scope, message: redactText(message), ...(data === undefined ? {} : { data: redactValue(data) }) };
    const line = `${JSON.stringify(record)}\n`;
    try {
      if (this.size < 0) this.size = this.currentSize();
      if (this.size > 0 && this.size + Buffer.byteLength(line) > this.maxBytes) this.rotate();
      appendFileSync(this.file, line, { mode: 0o600 });
      this.size += Buffer.byteLength(line);
    } catch {
      // Logging must never take the app down (disk full, folder gone): drop the record.
    }
    if (this.options.echo) process.stderr.write(line);
  }

  private currentSize(): number {
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    try {
      return statSync(this.file).size;
    } catch {
      return 0; // no log yet
    }
  }

  private rotate(): void {
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      try {
        renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(this.file, `${this.file}.1`);
    this.size = 0;
  }
}

/** Where nothing is configured (unit tests, library use): records go nowhere. */
export const silentLog: Log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
