import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Module,
  Res,
  ServiceUnavailableException,
  type DynamicModule,
  type Provider,
  type Type,
} from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TerminusModule, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { describeError } from './errors';
import { OperatorRoute, PublicRoute } from './public-route';

/** Something the service needs to do useful work: the database, NATS, JetStream. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when ready; rejects with the reason otherwise. */
  probe(): Promise<void>;
}

/** Terminus' result, or only its status where the reasons are for operators. */
export type Readiness = HealthCheckResult | Pick<HealthCheckResult, 'status'>;

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/**
 * Work a service must finish before it is of use, e.g. seeding its demo data: readiness reports
 * `startup` down, naming the work, until every tracked task has finished.
 */
@Injectable()
export class StartupTasks implements ReadinessCheck {
  readonly name = 'startup';
  private readonly running = new Set<string>();
  private readonly failed = new Map<string, string>();

  /** Tracks `task` and returns it, so the caller can still await it. */
  track<T>(name: string, task: Promise<T>): Promise<T> {
    this.running.add(name);
    this.failed.delete(name);
    task.then(
      () => this.running.delete(name),
      (error: unknown) => {
        this.running.delete(name);
        this.failed.set(name, describeError(error));
      },
    );
    return task;
  }

  probe(): Promise<void> {
    if (this.failed.size > 0) return Promise.reject(new Error([...this.failed].map(([name, reason]) => `${name} failed: ${reason}`).join('; ')));
    if (this.running.size > 0) return Promise.reject(new Error(`still running: ${[...this.running].join(', ')}`));
    return Promise.resolve();
  }
}
const READINESS_DETAILS = Symbol('READINESS_DETAILS');

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Inject(READINESS_DETAILS) private readonly details: 'everyone' | 'operators',
  ) {}

  /** The process is up and its event loop turns; says nothing about dependencies. */
  @PublicRoute()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when every dependency answers, else 503; the reasons only where `details` allows. */
  @PublicRoute()
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const readiness = await this.evaluate(response);
    return this.details === 'everyone' ? readiness : { status: readiness.status };
  }

  /** Readiness with each check's reason, for operators. */
  @OperatorRoute()
  @Get('details')
  @HttpCode(200)
  detailed(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    return this.evaluate(response);
  }

  private async evaluate(response: Response): Promise<HealthCheckResult> {
    try {
      const result = await this.health.check(this.checks.map((check) => () => this.run(check)));
      response.status(200);
      return result;
    } catch (error) {
      // Terminus reports a failed check as a 503 carrying the result; answered here, so that no
      // exception filter turns it into something else.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private async run(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(check.name);
    try {
      await check.probe();
      return session.up();
    } catch (error) {
      return session.down({ message: describeError(error) });
    }
  }
}

@Module({})
export class HealthModule {
  /**
   * `checks` are provider classes implementing ReadinessCheck, exported by one of `imports`.
   * `details`: who sees why a check is down; `operators` on a service that faces users.
   */
  static forRoot(options: { imports: DynamicModule['imports']; checks: Type<ReadinessCheck>[]; details?: 'everyone' | 'operators' }): DynamicModule {
    const checks = [...options.checks, StartupTasks];
    const collect: Provider = {
      provide: READINESS_CHECKS,
      useFactory: (...resolved: ReadinessCheck[]) => resolved,
      inject: checks,
    };
    return {
      module: HealthModule,
      // Global, so that any module can track its start-up work.
      global: true,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [collect, StartupTasks, { provide: READINESS_DETAILS, useValue: options.details ?? 'everyone' }],
      exports: [StartupTasks],
    };
  }
}
