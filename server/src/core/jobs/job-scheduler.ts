import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import type { Db } from 'mongodb';
import { errorText } from '../errors.js';
import type { Logger } from '../logger.js';

/** Job names and their data, in one map (like the domain events). */
export interface JobData {
  'booking reminder': { bookingId: string; leadMinutes: number; start: string };
  /** The end of a booking's payment hold (modules/payments). */
  'payment hold expiry': { bookingId: string };
  /** Asks the provider again for a refund it could not be reached for (modules/payments). */
  'payment refund retry': { transactionId: string; attempt: number };
}
export type JobName = keyof JobData;

/**
 * Jobs that must run later, once, whatever restarts or however many server processes: stored in
 * MongoDB by Agenda, which locks each due job so exactly one process runs it.
 */
export interface JobScheduler {
  define<N extends JobName>(name: N, handler: (data: JobData[N]) => Promise<void>): void;
  /**
   * Runs `name` with `data` at `at`. `key` (fields of `data`) makes it one job: scheduling the
   * same key again moves that job instead of adding one.
   */
  schedule<N extends JobName>(
    name: N,
    data: JobData[N],
    at: Date,
    key: Partial<JobData[N]>,
  ): Promise<void>;
  /** Removes the jobs of `name` whose data has these fields; how many. */
  cancel<N extends JobName>(name: N, match: Partial<JobData[N]>): Promise<number>;
  start(): Promise<void>;
  /** Stops picking up jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}

const COLLECTION = 'jobs';

export function createJobScheduler(deps: {
  db: Db;
  processEveryMs: number;
  logger: Logger;
}): JobScheduler {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: deps.db, collection: COLLECTION }),
    processEvery: deps.processEveryMs,
  });
  agenda.on('error', (error: unknown) =>
    deps.logger.error('Job scheduler error', {
      error: errorText(error),
    }),
  );
  const dataFilter = (fields: object) =>
    Object.fromEntries(Object.entries(fields).map(([key, value]) => [`data.${key}`, value]));

  return {
    define(name, handler) {
      agenda.define(name, async (job: Job<JobData[typeof name]>) => {
        try {
          await handler(job.attrs.data);
        } catch (error) {
          deps.logger.error(`Job ${name} failed`, {
            job: name,
            error: errorText(error),
          });
          throw error;
        }
      });
    },

    async schedule(name, data, at, key) {
      await agenda.create(name, data).unique(dataFilter(key)).schedule(at).save();
    },

    cancel(name, match) {
      return agenda.cancel({ name, data: match });
    },

    start: () => agenda.start(),

    async stop() {
      await agenda.drain();
    },
  };
}
