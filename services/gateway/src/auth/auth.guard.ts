import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertRole, DomainError, ErrorCode, StaffRole } from '@samverkan/contracts';
import { ActingStaffKey } from '@samverkan/messaging';
import { METRICS_REGISTRY, OPERATOR_ROUTE, PUBLIC_ROUTE } from '@samverkan/platform';
import { ClsService } from 'nestjs-cls';
import { Counter, type Registry } from 'prom-client';
import { REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { AuthenticationFailures } from './authentication-failures';
import { TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token unless marked @PublicRoute(); operations data
 * (@OperatorRoute(): metrics, detailed readiness) needs the operator role. An address that
 * failed to authenticate too often is refused before its token is looked at. The verified staff
 * member goes into the request's CLS context, where the NATS client finds it and asserts it to
 * the service it calls; no payload carries it.
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
