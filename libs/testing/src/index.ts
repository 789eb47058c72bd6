export * from './databases';
export * from './eventually';
export * from './factories';
export * from './infrastructure';
export * from './namespaces';
