// What the cross-service tests and tools start a service with; services never import each other.
export { createLearningApp } from './app';
export { loadLearningConfig } from './config';
export type { LearningConfig } from './config';
