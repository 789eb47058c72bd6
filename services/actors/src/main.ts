import 'reflect-metadata';
import { runMain } from '@samverkan/platform';
import { createActorsApp } from './app';
import { loadActorsConfig } from './config';

runMain('actors', async () => {
  const config = loadActorsConfig();
  const app = await createActorsApp(config, { shutdownHooks: true });
  await app.listen(config.httpPort, config.httpHost);
});
