import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { serviceVariables } from './common-variables';

const validEnv = {
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  REDIS_URL: 'redis://127.0.0.1:6379',
  ATRIUM_IDENTITY_SECRET: 'a-test-identity-secret-of-32-characters',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(serviceVariables(3001), env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('parses valid variables and applies defaults', () => {
    const config = loadConfig(serviceVariables(3001), validEnv);
    expect(config).toEqual({
      HTTP_PORT: 3001,
      HTTP_HOST: '127.0.0.1',
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9094'],
      MONGO_URL: 'mongodb://127.0.0.1:27017',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
      TZ_CENTRE: 'Asia/Shanghai',
      ATRIUM_IDENTITY_SECRET: 'a-test-identity-secret-of-32-characters',
    });
  });

  it.each([
    ['a missing variable', { ...validEnv, MONGO_URL: '' }, ['MONGO_URL']],
    ['a malformed broker list', { ...validEnv, KAFKA_BROKERS: 'kafka' }, ['KAFKA_BROKERS']],
    ['a port out of range', { ...validEnv, HTTP_PORT: '70000' }, ['HTTP_PORT']],
    ['an unknown time zone', { ...validEnv, TZ_CENTRE: 'Mars/Olympus' }, ['TZ_CENTRE']],
    ['a missing identity secret', { ...validEnv, ATRIUM_IDENTITY_SECRET: '' }, ['ATRIUM_IDENTITY_SECRET']],
    ['a too short identity secret', { ...validEnv, ATRIUM_IDENTITY_SECRET: 'short' }, ['ATRIUM_IDENTITY_SECRET']],
    ['several bad variables at once', { REDIS_URL: 'http://x' }, ['ATRIUM_IDENTITY_SECRET', 'KAFKA_BROKERS', 'MONGO_URL', 'REDIS_URL']],
  ])('names the variable at fault for %s', (_case, env, expected) => {
    expect(problemsOf(env).sort()).toEqual(expected);
  });

  it('says a missing variable is required', () => {
    expect(() => loadConfig(z.object({ JWT_SECRET: z.string() }), {})).toThrow('JWT_SECRET: is required but not set');
  });
});
