import * as path from 'node:path';
import { z } from 'zod';

/** The repository root (scripts/twilio-local/src is three folders below it). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The variables the endpoint reads (scripts/infra sets them; process.env is read nowhere else). */
const envSchema = z.object({
  /** The account SID the endpoint accepts in HTTP Basic auth and in paths (AC + 32 hex digits). */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits'),
  /** The auth token: the Basic auth password, and the key that signs webhooks. */
  TWILIO_AUTH_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** The port on 127.0.0.1. */
  TWILIO_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  /** Where messages.jsonl is kept. */
  TWILIO_LOCAL_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.infra', 'twilio-local')),
  /** How many messages are taken through their statuses (and callbacks) at once. */
  TWILIO_LOCAL_CALLBACK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /** Pause before each status change, in ms (0: none); a demo can slow the statuses down to watch them. */
  TWILIO_LOCAL_STEP_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
});

export type EndpointConfig = z.infer<typeof envSchema>;

/** Reads the configuration; throws naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): EndpointConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`bad configuration: ${problems}`);
  }
  return parsed.data;
}
