import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  Module,
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Observable } from 'rxjs';
import { OperatorRoute, ScrapeRoute } from './public-route';

/**
 * Each app gets its own registry, so several services can run in one process (the end-to-end
 * tests do) without their metrics colliding.
 */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

@OperatorRoute()
@ScrapeRoute()
@Controller('metrics')
class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

@Module({})
export class MetricsModule {
  static forRoot(service: string, instance: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        {
          provide: METRICS_REGISTRY,
          useFactory: () => {
            const registry = new Registry();
            registry.setDefaultLabels({ service, instance });
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
      ],
      exports: [METRICS_REGISTRY],
    };
  }
}

/** Counts and times HTTP requests by route template (never the raw URL) and status. */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly seconds: Histogram<'method' | 'route'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    this.seconds = new Histogram({
      name: 'http_request_seconds',
      help: 'Time to answer one HTTP request',
      labelNames: ['method', 'route'],
      buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const labels = { method: request.method, route: String((request.route as { path?: string } | undefined)?.path ?? 'unmatched') };
    const stop = this.seconds.startTimer(labels);
    // On finish the status is final, whether a handler or the exception filter wrote it.
    response.once('finish', () => {
      stop();
      this.requests.inc({ ...labels, status: String(response.statusCode) });
    });
    return next.handle();
  }
}
