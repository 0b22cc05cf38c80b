/** One environment variable that is missing or malformed, and why. */
export interface ConfigProblem {
  readonly variable: string;
  readonly reason: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.reason}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}
