export * from './events';
export * from './municipality-tracking';
export * from './obstacle-candidates';
export * from './obstacles';
export * from './project-learning';
export * from './projects';
export * from './referral-statistics';
