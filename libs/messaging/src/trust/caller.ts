import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode, type ActorContext } from '@samverkan/contracts';
import { ClsServiceManager } from 'nestjs-cls';
import type { VerifiedCaller } from './assertion-verifier';

/** The staff member the current request is made for, in the CLS context (gateway and services alike). */
export const ActingStaffKey = 'samverkan.actingStaff';

// Filled by the caller assertion guard for each request, keyed by the request's own context object.
const verifiedCallers = new WeakMap<object, VerifiedCaller>();

export function rememberCaller(rpcContext: object, caller: VerifiedCaller): void {
  verifiedCallers.set(rpcContext, caller);
}

/** The verified caller of a NATS request, or undefined before the guard ran (or on HTTP). */
export function verifiedCallerOf(context: ExecutionContext): VerifiedCaller | undefined {
  return context.getType() === 'rpc' ? verifiedCallers.get(context.switchToRpc().getContext<object>()) : undefined;
}

function requireCaller(context: ExecutionContext): VerifiedCaller {
  const caller = verifiedCallerOf(context);
  if (!caller) throw new Error('@Caller() and @Actor() need the caller assertion guard; are they on a NATS handler?');
  return caller;
}

/** The verified caller of the request: which service, and for which staff member. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): VerifiedCaller => requireCaller(context));

/** The staff member the request is made for, from its verified caller assertion; refused when none is. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): ActorContext => {
  const { actor } = requireCaller(context);
  if (!actor) throw new DomainError(ErrorCode.CallerNotVerified, 'This request must be made for a staff member');
  return actor;
});

/** The staff member the current request is made for, if any: what a call onwards is signed for. */
export function currentActingStaff(): ActorContext | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.get<ActorContext | undefined>(ActingStaffKey) : undefined;
}
