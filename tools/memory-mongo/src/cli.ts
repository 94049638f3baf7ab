import { parseArgs } from 'node:util';
import { MemoryMongo } from './server.js';

/**
 * `memory-mongo --port N [--host H] [--replSet NAME] [--no-unix-socket]`: prints the URI as the
 * first line on stdout (through the Unix domain socket unless turned off, see
 * MemoryMongo.start) and the TCP URI as the second, serves until SIGTERM or SIGINT.
 */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '27017' },
      host: { type: 'string', default: '127.0.0.1' },
      replSet: { type: 'string', default: 'rs0' },
      quiet: { type: 'boolean', default: false },
      'no-unix-socket': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`memory-mongo: --port must be a number from 0 to 65535, got ${values.port}`);
    process.exit(2);
  }
  const server = await MemoryMongo.start({
    port,
    host: values.host,
    replSetName: values.replSet,
    unixSocket: !values['no-unix-socket'],
    onProtocolError: values.quiet
      ? undefined
      : (message) => console.error(`memory-mongo: ${message}`),
  });
  process.stdout.write(`${server.uri}\n${server.tcpUri}\n`);
  const shutdown = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
