export * from './municipality-tracking';
export * from './projects';
export * from './statistics';
