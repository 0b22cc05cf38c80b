export * from './page-query.dto';
