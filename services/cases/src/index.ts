// What the cross-service tests and tools start a service with; services never import each other.
export { createCasesApp } from './app';
export { loadCasesConfig } from './config';
export type { CasesConfig } from './config';
