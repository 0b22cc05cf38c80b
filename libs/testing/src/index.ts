export * from './wait-for';
export * from './topic-recorder';
export * from './infra-env';
export * from './service-process';
export * from './test-locks.module';
export * from './consumer-groups';
export * from './infra-restart';
export * from './openapi-contract/check-openapi-contract';
