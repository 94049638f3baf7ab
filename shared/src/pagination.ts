export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
