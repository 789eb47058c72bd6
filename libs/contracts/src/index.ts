// class-transformer's @Type decorators read design-time metadata.
import 'reflect-metadata';

export * from './actor-context';
export * from './authorisation';
export * from './actors';
export * from './cases';
export * from './envelope';
export * from './errors';
export * from './events';
export * from './field-rules';
export * from './identity';
export * from './idempotency';
export * from './learning';
export * from './municipalities';
export * from './operations';
export * from './organisation-number';
export * from './pagination';
export * from './referrals';
export * from './subjects';
export * from './validation';
export * from './vocabulary';
export * from './calendar';
