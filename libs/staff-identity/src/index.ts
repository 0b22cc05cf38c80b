export * from './staff-actor';
export * from './staff-parameters';
