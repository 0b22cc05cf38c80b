export * from './service-kit.module';
export * from './run-service';
export * from './redis.provider';
export * from './health/readiness.service';
export * from './gateway-identity.guard';
