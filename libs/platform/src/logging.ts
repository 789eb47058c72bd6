import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import pino from 'pino';
import type { BaseServiceConfig } from './config';
import { acceptCorrelationId, correlationHeader, currentCorrelationId } from './correlation';

/**
 * JSON logs with the service, instance and correlation id on every line. Request bodies are
 * never logged, and URLs carry only ids, so no personal data reaches the logs.
 */
export function loggingModule(config: Pick<BaseServiceConfig, 'service' | 'instance' | 'logLevel' | 'logFile'>): DynamicModule {
  const options: Options = {
    level: config.logLevel,
    base: { service: config.service, instance: config.instance },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    genReqId: (request: IncomingMessage) => acceptCorrelationId(request.headers[correlationHeader]),
    customProps: (request: IncomingMessage) => ({ correlationId: request.id }),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    autoLogging: { ignore: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? '') },
  };
  return LoggerModule.forRoot({
    pinoHttp: config.logFile ? [options, pino.destination({ dest: config.logFile, mkdir: true, sync: false })] : options,
  });
}
