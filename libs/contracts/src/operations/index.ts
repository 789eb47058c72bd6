export * from './outbox';
export * from './projections';
