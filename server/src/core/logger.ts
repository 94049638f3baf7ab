import winston from 'winston';
import type { Config } from './config/config.js';
import { currentRequestId } from './request-context.js';

export type Logger = winston.Logger;

/** Stamps every line written while a request is served with that request's id. */
const withRequestId = winston.format((info) => {
  const requestId = currentRequestId();
  if (requestId && info.requestId === undefined) info.requestId = requestId;
  return info;
});

const readable = winston.format.printf(({ timestamp, level, message, requestId, ...rest }) => {
  const id = typeof requestId === 'string' ? ` [${requestId.slice(0, 8)}]` : '';
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  return `${String(timestamp)} ${level}${id} ${String(message)}${extra}`;
});

/** JSON lines in production (for log shippers), readable colour lines in development, silent in tests. */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'isProduction'>,
  transports: winston.transport[] = [new winston.transports.Console()],
): Logger {
  const format = config.isProduction
    ? winston.format.combine(
        withRequestId(),
        winston.format.timestamp(),
        winston.format.errors({ stack: true }),
        winston.format.json(),
      )
    : winston.format.combine(
        withRequestId(),
        winston.format.timestamp({ format: 'HH:mm:ss.SSS' }),
        winston.format.errors({ stack: true }),
        winston.format.colorize(),
        readable,
      );
  return winston.createLogger({
    level: config.logLevel === 'silent' ? 'error' : config.logLevel,
    silent: config.logLevel === 'silent',
    format,
    transports,
  });
}
