export * from './staff-actor';
export * from './staff-parameters';
export * from './identity-signature';
