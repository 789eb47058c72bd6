import 'reflect-metadata';
import { runMain } from '@samverkan/platform';
import { createLearningApp } from './app';
import { loadLearningConfig } from './config';

runMain('learning', async () => {
  const config = loadLearningConfig();
  const app = await createLearningApp(config, { shutdownHooks: true });
  await app.listen(config.httpPort, config.httpHost);
});
