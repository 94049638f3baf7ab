import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { MongodAvailability } from './select-database.js';

// mongodb-memory-server's own default; MONGOMS_DOWNLOAD_URL / MONGOMS_DOWNLOAD_MIRROR override it there and here.
const DEFAULT_DOWNLOAD_MIRROR = 'https://fastdl.mongodb.org';
const REACHABILITY_TIMEOUT_MS = 3000;

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

/** A binary this machine already has: the configured system binary, PATH, or the download cache. */
async function findLocalMongod(env: NodeJS.ProcessEnv): Promise<string | null> {
  const configured = env.MONGOMS_SYSTEM_BINARY;
  if (configured && (await isExecutable(configured))) return configured;
  const onPath = await findOnPath('mongod', env);
  if (onPath) return onPath;
  try {
    // Loaded here, not at the top: a server with MONGODB_URI never loads the embedded tooling.
    const { DryMongoBinary } = await import('mongodb-memory-server');
    return (await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions())) ?? null;
  } catch {
    return null;
  }
}

/** True when the download host answers at all within a few seconds; offline machines fail in ms. */
async function isDownloadReachable(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (/^(0|false|no|off)$/i.test(env.MONGOMS_RUNTIME_DOWNLOAD ?? '')) return false;
  const target = env.MONGOMS_DOWNLOAD_URL || env.MONGOMS_DOWNLOAD_MIRROR || DEFAULT_DOWNLOAD_MIRROR;
  try {
    await fetch(new URL(target).origin, {
      method: 'HEAD',
      signal: AbortSignal.timeout(REACHABILITY_TIMEOUT_MS),
    });
    return true;
  } catch {
    return false;
  }
}

export async function probeMongod(
  env: NodeJS.ProcessEnv = process.env,
): Promise<MongodAvailability> {
  const binaryPath = await findLocalMongod(env);
  if (binaryPath) return { binaryPath, downloadReachable: false };
  return { binaryPath: null, downloadReachable: await isDownloadReachable(env) };
}
