import { type Agent, request } from 'node:http';
import { median, percentile } from './stats.js';

/** Helpers shared by the HTTP benchmarks: one GET, and a closed-loop load generator. */
export interface Sample {
  latencies: number[];
  perSecond: number;
}

export function get(
  agent: Agent,
  port: number,
  urlPath: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** `count` requests to loopback, `inFlight` at a time; every answer must be 200. */
export async function load(
  agent: Agent,
  port: number,
  urlPath: string,
  count: number,
  inFlight: number,
): Promise<Sample> {
  const latencies: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < count) {
      issued += 1;
      const start = performance.now();
      const { status, body } = await get(agent, port, urlPath);
      latencies.push(performance.now() - start);
      if (status !== 200) throw new Error(`${urlPath} answered ${status}: ${body}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latencies, perSecond: (count / (performance.now() - started)) * 1000 };
}

/** Requests per second (median over rounds) and latency percentiles over every request. */
export function summary(samples: Sample[]): { perSecond: number; p50: number; p95: number } {
  const latencies = samples.flatMap((sample) => sample.latencies);
  return {
    perSecond: median(samples.map((sample) => sample.perSecond)),
    p50: median(latencies),
    p95: percentile(latencies, 95),
  };
}
