import { randomUUID } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ClsServiceManager } from 'nestjs-cls';

export const correlationHeader = 'x-correlation-id';
const acceptableCorrelationId = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's correlation id when it is well-formed, otherwise makes a new one. */
export function acceptCorrelationId(candidate: unknown): string {
  return typeof candidate === 'string' && acceptableCorrelationId.test(candidate) ? candidate : randomUUID();
}

/**
 * First middleware of an HTTP app: every request leaves with a correlation id in its headers,
 * which the logger, the CLS context and outgoing NATS headers all read.
 */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const id = acceptCorrelationId(request.headers[correlationHeader]);
  request.headers[correlationHeader] = id;
  response.setHeader(correlationHeader, id);
  next();
}

/** The correlation id of the current CLS context, if one is active. */
export function currentCorrelationId(): string | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.getId() : undefined;
}

interface HeaderBag {
  get(key: string): string;
}

/** For the CLS interceptor: takes the id from NATS headers on RPC, from the request on HTTP. */
export function correlationIdFromContext(context: ExecutionContext): string {
  if (context.getType() === 'rpc') {
    const rpc = context.switchToRpc().getContext<{ getHeaders?: () => HeaderBag | undefined }>();
    return acceptCorrelationId(rpc.getHeaders?.()?.get(correlationHeader) || undefined);
  }
  if (context.getType() === 'http') {
    return acceptCorrelationId(context.switchToHttp().getRequest<Request>().headers[correlationHeader]);
  }
  return randomUUID();
}
