/** Injection tokens for the process-wide logger (pino) and Prometheus metrics. */
export const LOGGER = Symbol('LOGGER');
export const METRICS = Symbol('METRICS');
