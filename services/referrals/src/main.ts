import 'reflect-metadata';
import { runMain } from '@samverkan/platform';
import { createReferralsApp } from './app';
import { loadReferralsConfig } from './config';

runMain('referrals', async () => {
  const config = loadReferralsConfig();
  const app = await createReferralsApp(config, { shutdownHooks: true });
  await app.listen(config.httpPort, config.httpHost);
});
