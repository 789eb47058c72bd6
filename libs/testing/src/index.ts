export * from './automock';
export * from './databases';
export * from './eventually';
export * from './factories';
export * from './infrastructure';
export * from './namespaces';
export * from './schema-drift';
