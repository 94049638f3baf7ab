import { describe, expect, it } from 'vitest';

import { readDirectorySearch, toDirectoryQuery, writeDirectorySearch } from './directory-search';

const read = (search: string) => readDirectorySearch(new URLSearchParams(search));

describe('directory search in the URL', () => {
  it('round-trips a full search in a stable order', () => {
    const url =
      'q=career+coach&specialty=career&language=de&minPrice=5000&maxPrice=9000&currency=EUR&minRating=4.5&sort=rating&page=3';
    expect(writeDirectorySearch(read(url)).toString()).toBe(url);
  });

  it('leaves defaults out of the URL', () => {
    expect(writeDirectorySearch(read('q=%20%20&page=1')).toString()).toBe('');
  });

  it('does not send a maximum below the minimum, which the API would refuse', () => {
    expect(toDirectoryQuery(read('minPrice=9000&maxPrice=5000&currency=EUR'))).toEqual({
      minPrice: 9000,
      currency: 'EUR',
      page: 1,
      limit: 12,
    });
  });

  it('sends the search text trimmed', () => {
    expect(toDirectoryQuery(read('q=%20leader%20'))).toMatchObject({ q: 'leader' });
  });
});
