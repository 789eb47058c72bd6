export * from './events';
export * from './organisations';
export * from './staff';
export * from './support-resources';
