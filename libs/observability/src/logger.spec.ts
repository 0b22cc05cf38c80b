import { Writable } from 'node:stream';
import { createLogger } from './logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON lines with phone numbers and names masked, wherever they appear', () => {
    const { stream, lines } = capture();
    const logger = createLogger('member', 'info', stream);
    logger.info({ member: { name: '陳大文', phone: '+8613800138000' } }, 'registered 13800138000');
    logger.error({ err: new Error('duplicate phone +8613800138000') }, 'failed');
    const [info, error] = lines();
    expect(info).toMatchObject({ level: 'info', service: 'member', msg: 'registered *******8000', member: { name: '陳**', phone: '+86*******8000' } });
    expect(error).toMatchObject({ level: 'error', err: { type: 'Error', message: 'duplicate phone +86*******8000' } });
    expect(JSON.stringify([info, error])).not.toMatch(/13800138000|大文/);
  });
});
