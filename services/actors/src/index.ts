// What the cross-service tests and tools start a service with; services never import each other.
export { createActorsApp } from './app';
export { loadActorsConfig } from './config';
export type { ActorsConfig } from './config';
