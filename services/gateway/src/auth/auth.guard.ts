import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertRole, DomainError, ErrorCode, StaffRole } from '@samverkan/contracts';
import { ActingStaffKey } from '@samverkan/messaging';
import { METRICS_REGISTRY, OPERATOR_ROUTE, PUBLIC_ROUTE, SCRAPE_ROUTE } from '@samverkan/platform';
import { timingSafeEqual } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { Counter, type Registry } from 'prom-client';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../config.token';
import { REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { AuthenticationFailures } from './authentication-failures';
import { TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token unless marked @PublicRoute(); operations data
 * (@OperatorRoute(): metrics, detailed readiness) needs the operator role. An address that
 * failed to authenticate too often is refused before its token is looked at. The verified staff
 * member goes into the request's CLS context, where the NATS client finds it and asserts it to
 * the service it calls; no payload carries it. A monitoring system may scrape /metrics with the
 * configured scrape token instead, which opens nothing else.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failuresTotal: Counter<'reason'>;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly failures: AuthenticationFailures,
    private readonly cls: ClsService,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'metricsScrapeToken'>,
  ) {
    this.failuresTotal = new Counter({
      name: 'http_authentication_failures_total',
      help: 'Requests refused for want of a valid token: missing, invalid, or from an address that failed too often',
      labelNames: ['reason'],
      registers: [registry],
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(SCRAPE_ROUTE, targets) && this.isScrapeToken(request.headers.authorization)) return true;
    const address = request.ip ?? 'unknown';
    try {
      this.failures.assertNotBlocked(address);
    } catch (error) {
      this.failuresTotal.inc({ reason: 'rate_limited' });
      throw error;
    }
    request.actor = await this.authenticate(request.headers.authorization, address);
    this.cls.set(ActingStaffKey, request.actor);
    if (this.reflector.getAllAndOverride<boolean>(OPERATOR_ROUTE, targets)) assertRole(request.actor, StaffRole.Operator);
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length) assertRole(request.actor, ...roles);
    return true;
  }

  private isScrapeToken(authorization: string | undefined): boolean {
    const expected = this.config.metricsScrapeToken;
    const [scheme, token] = (authorization ?? '').split(' ');
    if (!expected || scheme?.toLowerCase() !== 'bearer' || !token) return false;
    const [given, wanted] = [Buffer.from(token), Buffer.from(expected)];
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }

  private async authenticate(authorization: string | undefined, address: string) {
    const [scheme, token] = (authorization ?? '').split(' ');
    try {
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw new DomainError(ErrorCode.Unauthenticated, 'A bearer token is required (Authorization: Bearer <token>)');
      }
      return await this.verifier.verify(token);
    } catch (error) {
      this.failuresTotal.inc({ reason: token ? 'invalid' : 'missing' });
      this.failures.record(address);
      throw error;
    }
  }
}
