// What the cross-service tests and tools start a service with; services never import each other.
export { createReferralsApp } from './app';
export { loadReferralsConfig } from './config';
export type { ReferralsConfig } from './config';
