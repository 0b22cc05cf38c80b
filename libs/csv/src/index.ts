export * from './csv';
export * from './csv-body';
