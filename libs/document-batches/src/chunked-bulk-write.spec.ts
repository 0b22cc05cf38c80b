import { chunksOf } from './chunked-bulk-write';
import { DUPLICATE_KEY, onlyDuplicateKeys } from './duplicate-keys';
import { inParallel } from './in-parallel';

describe('chunksOf', () => {
  it.each([
    [[], 3, []],
    [[1, 2, 3], 3, [[1, 2, 3]]],
    [[1, 2, 3, 4, 5, 6, 7], 3, [[1, 2, 3], [4, 5, 6], [7]]],
    [[1, 2], 1, [[1], [2]]],
  ])('%j by %i → %j', (items, size, expected) => {
    expect(chunksOf(items, size)).toEqual(expected);
  });

  it.each([0, -1, 1.5])('refuses a size of %d', (size) => {
    expect(() => chunksOf([1], size)).toThrow(RangeError);
  });
});

describe('onlyDuplicateKeys', () => {
  it.each([
    ['a duplicate key error', { code: DUPLICATE_KEY }, true],
    ['a bulk of duplicate refusals', { code: DUPLICATE_KEY, writeErrors: [{ code: DUPLICATE_KEY }, { code: DUPLICATE_KEY }] }, true],
    ['one refusal given as an object', { writeErrors: { code: DUPLICATE_KEY } }, true],
    ['a bulk with one other refusal', { code: DUPLICATE_KEY, writeErrors: [{ code: DUPLICATE_KEY }, { code: 121 }] }, false],
    ['another error', { code: 6 }, false],
    ['no error object', undefined, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(onlyDuplicateKeys(error)).toBe(expected);
  });
});

describe('inParallel', () => {
  it('keeps the input order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await inParallel([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('answers an empty list without calling', async () => {
    const fn = jest.fn((n: number) => Promise.resolve(n));
    expect(await inParallel([], 4, fn)).toEqual([]);
    expect(fn).not.toHaveBeenCalled();
  });
});
