import type { INestApplication } from '@nestjs/common';
import { createDatabaseServiceApp } from '@samverkan/messaging';
import { join } from 'node:path';
import { AppModule } from './app.module';
import type { CasesConfig } from './config';

/** The same relative path holds in the source tree and in dist, where the build copies it. */
export const migrationsDirectory = join(__dirname, '..', 'prisma', 'migrations');

export function createCasesApp(config: CasesConfig, options: { shutdownHooks?: boolean } = {}): Promise<INestApplication> {
  return createDatabaseServiceApp({ config, module: AppModule.register(config), migrationsDirectory, shutdownHooks: options.shutdownHooks });
}
