// What the cross-service tests and tools start a service with; services never import each other.
export { createGatewayApp } from './app';
export { loadGatewayConfig } from './config';
export type { GatewayConfig } from './config';
