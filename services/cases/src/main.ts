import 'reflect-metadata';
import { runMain } from '@samverkan/platform';
import { createCasesApp } from './app';
import { loadCasesConfig } from './config';

runMain('cases', async () => {
  const config = loadCasesConfig();
  const app = await createCasesApp(config, { shutdownHooks: true });
  await app.listen(config.httpPort, config.httpHost);
});
