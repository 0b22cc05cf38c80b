import { z } from 'zod';
import { ConfigError } from './config-error';

export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * Parses environment variables with a zod object whose keys are the variables' names.
 * Empty strings count as unset, so `FOO=` falls back to the default or fails as missing.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: EnvSource = process.env): z.infer<S> {
  const present: Record<string, string> = {};
  for (const variable of Object.keys(schema.shape)) {
    const value = env[variable];
    if (value !== undefined && value.trim() !== '') present[variable] = value.trim();
  }
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(root)'),
        reason: issue.code === 'invalid_type' && issue.input === undefined ? 'is required but not set' : issue.message,
      })),
    );
  }
  return result.data;
}

/**
 * For a process's entry point: loads the config or prints the problems (naming each variable)
 * and exits non-zero, before anything else starts.
 */
export function loadConfigOrExit<S extends z.ZodObject>(serviceName: string, schema: S, env: EnvSource = process.env): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service: serviceName, msg: error.message, problems: error.problems })}\n`,
    );
    process.stderr.write(`${serviceName} refuses to start: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
