import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertRole, DomainError, ErrorCode, type StaffRole } from '@samverkan/contracts';
import { ActingStaffKey } from '@samverkan/messaging';
import { PUBLIC_ROUTE } from '@samverkan/platform';
import { ClsService } from 'nestjs-cls';
import { REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token unless marked @PublicRoute(). The verified staff member
 * goes into the request's CLS context, where the NATS client finds it and asserts it to the
 * service it calls; no payload carries it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly cls: ClsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new DomainError(ErrorCode.Unauthenticated, 'A bearer token is required (Authorization: Bearer <token>)');
    }
    request.actor = await this.verifier.verify(token);
    this.cls.set(ActingStaffKey, request.actor);
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length) assertRole(request.actor, ...roles);
    return true;
  }
}
