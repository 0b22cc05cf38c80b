export * from './document-locks';
