import 'reflect-metadata';
import { runMain } from '@samverkan/platform';
import { Logger } from '@nestjs/common';
import { createGatewayApp } from './app';
import { loadGatewayConfig } from './config';

runMain('gateway', async () => {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config, { shutdownHooks: true });
  await app.listen(config.httpPort, config.httpHost);
  new Logger('Gateway').log({ url: await app.getUrl(), devTokens: config.devTokens.enabled }, 'gateway listening');
});
