/**
 * A test's fixed service port, moved by ATRIUM_TEST_PORT_OFFSET. Test runs side by side on one
 * machine (the shards of scripts/test.sh, a second checkout) each set their own offset, so the
 * services they start never meet on a port. A fixed port, not a free one: a test that kills a
 * service starts it again where its clients already point.
 */
export function testPort(base: number): number {
  const raw = process.env.ATRIUM_TEST_PORT_OFFSET?.trim() ?? '';
  const offset = raw === '' ? 0 : Number(raw);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new Error(`ATRIUM_TEST_PORT_OFFSET must be a whole number of ports, not '${raw}'`);
  }
  const port = base + offset;
  if (port > 65535) throw new Error(`ATRIUM_TEST_PORT_OFFSET ${offset} moves port ${base} past 65535`);
  return port;
}
