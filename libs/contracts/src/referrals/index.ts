export * from './events';
export * from './referrals';
