import { Controller, Get, Inject, Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import { describeError } from './errors';
import { PublicRoute } from './public-route';

/** Something the service needs to do useful work: the database, NATS, JetStream. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when ready; rejects with the reason otherwise. */
  probe(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@PublicRoute()
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process is up and its event loop turns; says nothing about dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check(this.checks.map((check) => () => this.run(check)));
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
  /** `checks` are provider classes implementing ReadinessCheck, exported by one of `imports`. */
  static forRoot(options: { imports: DynamicModule['imports']; checks: Type<ReadinessCheck>[] }): DynamicModule {
    const { checks } = options;
    const collect: Provider = {
      provide: READINESS_CHECKS,
      useFactory: (...resolved: ReadinessCheck[]) => resolved,
      inject: checks,
    };
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [collect],
    };
  }
}
