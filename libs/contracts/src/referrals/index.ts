export * from './events';
export * from './notifications';
export * from './referrals';
export * from './webhooks';
