import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { acceptIdempotencyKey, idempotencyKeyHeader, idempotencyKeyHours } from '@samverkan/contracts';
import type { Request } from 'express';

/** The request's Idempotency-Key, checked; a bad one is a 400 naming the header. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  acceptIdempotencyKey(context.switchToHttp().getRequest<Request>().headers[idempotencyKeyHeader]),
);

/** Documents the header on a command's operation. */
export const AcceptsIdempotencyKey = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: `Makes the command safe to retry: within ${idempotencyKeyHours} hours, the same key with the same request returns the first result and changes nothing; with another request it is refused (422). A UUID per command is a good key.`,
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
    }),
  );
