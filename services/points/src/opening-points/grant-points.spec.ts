import { checkGrantPoints, MAX_GRANT_POINTS } from './grant-points';

describe('checkGrantPoints', () => {
  it.each([
    [1n, undefined],
    [1500n, undefined],
    [BigInt(MAX_GRANT_POINTS), undefined],
    [0n, 'must be positive'],
    [-5n, 'must be positive'],
    [BigInt(MAX_GRANT_POINTS) + 1n, `must be at most ${MAX_GRANT_POINTS}`],
  ])('%s points: %s', (points, problem) => {
    expect(checkGrantPoints(points)).toBe(problem);
  });
});
