import type { INestApplication } from '@nestjs/common';
import { connectNats } from '@samverkan/messaging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { setUpOpenApi } from './http/openapi';
import { largeJsonBodyRoutes, limitJsonDepth, refuseNonJsonBodies } from './http/json-bodies';
import { json, type Request } from 'express';
import { ClsMiddleware } from 'nestjs-cls';
import helmet from 'helmet';
import { acceptCorrelationId, correlationHeader, createServiceApp } from '@samverkan/platform';

export const apiPrefix = 'api/v1';

export async function createGatewayApp(config: GatewayConfig, options: { shutdownHooks?: boolean } = {}): Promise<INestApplication> {
  await (await connectNats(config.natsUrl, 'gateway', 'gateway-startup-check', config.natsAuth)).close();
  return createServiceApp({
    module: GatewayModule.register(config),
    shutdownHooks: options.shutdownHooks,
    // JSON only, with the limits below: no form bodies.
    defaultBodyParsers: false,
    configure: (app) => {
      const express = app as NestExpressApplication;
      express.set('trust proxy', config.trustProxyHops);
      // Every path gets a CLS context with the correlation id; mounted by Nest, it would miss the
      // paths outside the /api/v1 prefix.
      express.use(new ClsMiddleware({ generateId: true, idGenerator: (request: Request) => acceptCorrelationId(request.headers[correlationHeader]) }).use);
      express.use(helmet());
      // Off unless origins are configured: the API is for programs and the gateway's own console.
      if (config.corsOrigins.length > 0) {
        app.enableCors({
          origin: config.corsOrigins,
          allowedHeaders: ['authorization', 'content-type', 'idempotency-key', correlationHeader],
          exposedHeaders: [correlationHeader, 'retry-after'],
        });
      }
      // Size and nesting are capped before the body is parsed; both end in a 4xx problem. A body of
      // any other type is refused rather than ignored.
      // The routes that take more parse first; a parsed body is not parsed again.
      for (const route of largeJsonBodyRoutes) {
        express.use(`/${apiPrefix}/${route.path}`, json({ limit: route.limit, verify: limitJsonDepth(config.jsonMaxDepth) }));
      }
      express.use(json({ limit: config.bodyLimit, verify: limitJsonDepth(config.jsonMaxDepth) }));
      express.use(refuseNonJsonBodies);
      express.disable('x-powered-by');
      app.setGlobalPrefix(apiPrefix, { exclude: ['health/live', 'health/ready', 'health/details', 'metrics'] });
      setUpOpenApi(app);
    },
  });
}
