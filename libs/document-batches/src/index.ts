export * from './find-each';
export * from './chunked-bulk-write';
export * from './native-collection';
export * from './duplicate-keys';
