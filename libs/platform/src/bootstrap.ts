import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomStrategy } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { ConfigError } from './config';
import { correlationMiddleware } from './correlation';
import { InfrastructureUnavailableError } from './errors';

export interface ServiceAppOptions {
  module: Type | DynamicModule;
  /** The NATS request-reply server; absent for an HTTP-only app. */
  rpc?: CustomStrategy;
  /** Signals close the app gracefully; off in tests, where many apps share one process. */
  shutdownHooks?: boolean;
  /** Runs on the app before init, e.g. to add the HTTP prefix, Swagger or body parsers. */
  configure?: (app: INestApplication) => void | Promise<void>;
  /** Nest's default JSON and form parsers; off where `configure` brings its own. */
  defaultBodyParsers?: boolean;
}

/**
 * Creates, initialises and connects a service: the app is initialised before the NATS listener
 * starts, and the listener inherits the app's global pipes, filters and interceptors.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(options.module, { bufferLogs: true, abortOnError: false, bodyParser: options.defaultBodyParsers ?? true });
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  // Exit normally once shut down, so that logs flush and a --cpu-prof profile is written.
  if (options.shutdownHooks) app.enableShutdownHooks([], { useProcessExit: true });
  await options.configure?.(app);
  if (options.rpc) app.connectMicroservice(options.rpc, { inheritAppConfig: true });
  await app.init();
  await app.startAllMicroservices();
  return app;
}

/**
 * Runs a service's main function. Start-up problems a newcomer can fix (an unreachable
 * database or NATS, bad configuration) end the process with one clear line.
 */
export function runMain(service: string, main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof InfrastructureUnavailableError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`samverkan-${service}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}
