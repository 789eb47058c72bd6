export * from './municipality-tracking';
export * from './statistics';
