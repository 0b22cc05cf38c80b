import { traceIdFor } from './trace-id';

describe('traceIdFor', () => {
  it('keeps an acceptable incoming id', () => {
    expect(traceIdFor('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdFor(['trace-from-console-0001', 'second'])).toBe('trace-from-console-0001');
  });

  it.each([undefined, '', 'short', 'has spaces in it', 'line\nbreak-injected-0001', 'x'.repeat(129)])('replaces %j with a new UUID', (incoming) => {
    expect(traceIdFor(incoming)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
