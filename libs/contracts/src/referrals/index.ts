export * from './events';
export * from './referrals';
export * from './webhooks';
