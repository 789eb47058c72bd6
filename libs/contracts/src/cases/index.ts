export * from './cases';
export * from './events';
export * from './access-log';
