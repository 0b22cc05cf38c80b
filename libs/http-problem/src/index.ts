export * from './problem-details';
export * from './status-of-kind';
export * from './problem-details.filter';
export * from './request-validation.pipe';
