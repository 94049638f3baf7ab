import { randomBytes } from 'node:crypto';

/** A video room of its own for each confirmed booking: the configured prefix and 128 random bits. */
export function newMeetingUrl(baseUrl: string): string {
  return `${baseUrl}${randomBytes(16).toString('hex')}`;
}
