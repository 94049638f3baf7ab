/**
 * Reads raw environment strings into typed values and collects every problem,
 * so that a misconfigured boot names all bad variables at once instead of one per restart.
 */
export type RawEnv = Readonly<Record<string, string | undefined>>;

export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: RawEnv) {}

  /** The trimmed value, or undefined when unset or blank (blank lines in .env files mean "unset"). */
  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  problem(name: string, message: string): void {
    this.problems.push(`${name}: ${message}`);
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problem(name, `must be a whole number between ${min} and ${max} (got "${value}")`);
      return fallback;
    }
    return Number(value);
  }

  boolean(name: string): boolean | undefined {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problem(name, `must be true or false (got "${value}")`);
    return undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problem(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
    return undefined;
  }

  /** A URL whose scheme is one of `schemes` (e.g. `mongodb:`); the value is returned unchanged. */
  url(name: string, schemes: readonly string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!schemes.some((scheme) => value.startsWith(`${scheme}//`)) || !hasHost(value)) {
      this.problem(
        name,
        `must be a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`,
      );
      return undefined;
    }
    return value;
  }

  /** A duration such as `15m`, `900s`, `1h` or a plain number of seconds, returned in seconds. */
  duration(name: string, fallbackSeconds: number, maxSeconds: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallbackSeconds;
    const seconds = parseDurationSeconds(value);
    if (seconds === null || seconds < 1 || seconds > maxSeconds) {
      this.problem(
        name,
        `must be a duration like 15m, 900s or 1h, at most ${maxSeconds}s (got "${value}")`,
      );
      return fallbackSeconds;
    }
    return seconds;
  }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function parseDurationSeconds(value: string): number | null {
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!match) return null;
  const unit = UNIT_SECONDS[match[2] || 's'] ?? 1;
  return Number(match[1]) * unit;
}

function hasHost(url: string): boolean {
  const afterScheme = url.slice(url.indexOf('//') + 2);
  return /^[^/?#\s]+/.test(afterScheme);
}
