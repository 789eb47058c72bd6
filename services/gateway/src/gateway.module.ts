import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { MessagingModule, NatsReadiness } from '@samverkan/messaging';
import { HealthModule, HttpMetricsInterceptor, loggingModule, MetricsModule, ServiceConfigModule } from '@samverkan/platform';
import { ClsModule } from 'nestjs-cls';
import type { AuthenticatedRequest } from './auth/auth.decorators';
import { AuthGuard } from './auth/auth.guard';
import { AuthenticationFailures } from './auth/authentication-failures';
import { DevTokensController } from './auth/dev-tokens.controller';
import { TokenVerifier } from './auth/token-verifier';
import type { GatewayConfig } from './config';
import { GATEWAY_CONFIG } from './config.token';
import { HttpValidationPipe } from './http/http-validation.pipe';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { OperationsController } from './operations/operations.controller';
import { CasesController } from './routes/cases.controller';
import { CasePersonController, DuplicatesController } from './routes/persons.controller';
import { ReferralDeadlinesController } from './routes/referral-deadlines.controller';
import { DirectoryReportsController } from './routes/directory-reports.controller';
import { OrganisationsController } from './routes/organisations.controller';
import { ReferralsController } from './routes/referrals.controller';
import { StaffController } from './routes/staff.controller';
import { ObstacleCandidatesController } from './routes/obstacle-candidates.controller';
import { ObstaclesController } from './routes/obstacles.controller';
import { ProjectsController } from './routes/projects.controller';
import { StatisticsController } from './routes/statistics.controller';
import { AccessLogController } from './routes/access-log.controller';
import { HandoffsController } from './routes/handoffs.controller';
import { NotificationsController } from './routes/notifications.controller';
import { LiveNotificationStreams } from './notifications/live-notification-streams';
import { SupportResourcesController } from './routes/support-resources.controller';
import { WebhooksController } from './routes/webhooks.controller';
import { WorkplacesController } from './routes/workplaces.controller';

/** Rate limits per staff member once authenticated, per address before. */
class StaffThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const authenticated = request as unknown as AuthenticatedRequest;
    return Promise.resolve(authenticated.actor?.staffId ?? authenticated.ip ?? 'unknown');
  }
}

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceConfigModule.register(GATEWAY_CONFIG, config),
        // The CLS middleware is mounted by app.ts on every path, health and metrics included.
        ClsModule.forRoot({ global: true, middleware: { mount: false } }),
        loggingModule(config),
        MetricsModule.forRoot('gateway', config.instance),
        MessagingModule.forRoot({
          service: 'gateway',
          instance: config.instance,
          natsUrl: config.natsUrl,
          natsAuth: config.natsAuth,
          namespace: config.natsNamespace,
          trust: config.trust,
          rpcTimeoutMs: config.rpcTimeoutMs,
          rpcBreaker: config.rpcBreaker,
          jetstreamReplicas: config.jetstreamReplicas,
        }),
        // The gateway faces users: why a dependency is down is for operators (/health/details).
        HealthModule.forRoot({ imports: [], checks: [NatsReadiness], details: 'operators' }),
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }] }),
      ],
      controllers: [
        OrganisationsController,
        StaffController,
        SupportResourcesController,
        WorkplacesController,
        DirectoryReportsController,
        CasesController,
        CasePersonController,
        DuplicatesController,
        ReferralDeadlinesController,
        ReferralsController,
        WebhooksController,
        NotificationsController,
        StatisticsController,
        ProjectsController,
        ObstaclesController,
        ObstacleCandidatesController,
        AccessLogController,
        HandoffsController,
        OperationsController,
        ...(config.devTokens.enabled ? [DevTokensController] : []),
      ],
      providers: [
        { provide: TokenVerifier, useFactory: (gatewayConfig: GatewayConfig) => new TokenVerifier(gatewayConfig), inject: [GATEWAY_CONFIG] },
        { provide: AuthenticationFailures, useFactory: () => new AuthenticationFailures(config.authFailuresPerMinute) },
        LiveNotificationStreams,
        // Authentication first, so the rate limit can count per staff member.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: StaffThrottlerGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: HttpValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
      ],
    };
  }
}
