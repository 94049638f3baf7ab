import type { FormatContext } from '@/lib/format';
import { formatDateTime } from '@/lib/format';

/** Expiry dates read as a day ("March 1, 2027"): credits last until the end of that day's use. */
export const formatExpiry = (instant: string, format: FormatContext): string =>
  formatDateTime(instant, format, { dateStyle: 'long' });
