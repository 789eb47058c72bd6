import type { INestApplication } from '@nestjs/common';
import { connectNats } from '@samverkan/messaging';
import { createServiceApp } from '@samverkan/platform';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { setUpOpenApi } from './http/openapi';

export const apiPrefix = 'api/v1';

export async function createGatewayApp(config: GatewayConfig, options: { shutdownHooks?: boolean } = {}): Promise<INestApplication> {
  await (await connectNats(config.natsUrl, 'gateway', 'gateway-startup-check', config.natsAuth)).close();
  return createServiceApp({
    module: GatewayModule.register(config),
    shutdownHooks: options.shutdownHooks,
    configure: (app) => {
      const express = app as NestExpressApplication;
      express.useBodyParser('json', { limit: config.bodyLimit });
      express.disable('x-powered-by');
      app.setGlobalPrefix(apiPrefix, { exclude: ['health/live', 'health/ready', 'metrics'] });
      setUpOpenApi(app);
    },
  });
}
