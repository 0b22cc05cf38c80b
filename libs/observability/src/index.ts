export * from './mask-personal-data';
export * from './logger';
export * from './nest-logger';
export * from './metrics';
export * from './tokens';
export * from './observability.module';
