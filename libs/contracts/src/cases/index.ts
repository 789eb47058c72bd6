export * from './cases';
export * from './events';
export * from './access-log';
export * from './persons';
export * from './plans';
export * from './register';
export * from './shared-information';
