export * from './cases';
export * from './events';
