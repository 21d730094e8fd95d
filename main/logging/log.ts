/**
 * The process's log: main code calls `log.warn(scope, message, error)`. It is silent until
 * the entry point says where to write: the Electron app (app.getPath('logs')), the CLI and
 * tests each give a directory to `configureLog`.
 */
import { FileLogger, silentLog, type Log, type LoggerOptions } from './logger';

let current: Log = silentLog;

export const log: Log = {
  debug: (scope, message, data) => current.debug(scope, message, data),
  info: (scope, message, data) => current.info(scope, message, data),
  warn: (scope, message, data) => current.warn(scope, message, data),
  error: (scope, message, data) => current.error(scope, message, data),
};

export function configureLog(options: LoggerOptions): FileLogger {
  const logger = new FileLogger(options);
  current = logger;
  return logger;
}
