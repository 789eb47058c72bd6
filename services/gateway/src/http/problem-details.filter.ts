import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import {
  DomainError,
  ErrorCode,
  errorKindOf,
  ServiceUnavailableError,
  type ErrorCode as Code,
  type ErrorKind,
  type FieldViolation,
} from '@samverkan/contracts';
import { correlationHeader } from '@samverkan/platform';
import type { Request, Response } from 'express';
import { JsonTooDeepError } from './json-bodies';

/** RFC 9457 problem details, with the error code, the offending fields and the correlation id. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: Code;
  errors?: FieldViolation[];
  correlationId?: string;
}

export const statusOfKind = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorKind, number>;

const titleOfKind = {
  invalid: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  too_large: 'Request too large',
  unprocessable: 'Rule not satisfied',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
} as const satisfies Record<ErrorKind, string>;

/** Errors raised by Express's body parser before any route runs. */
interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/**
 * The gateway's one exception filter: every failure becomes problem+json. Domain errors map by
 * kind; malformed bodies, unknown routes and rate limits get codes of their own; anything else
 * is logged and answered with a 500 that reveals nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toDomainError(exception);
    const kind = errorKindOf[error.code];
    const correlationId = request.headers[correlationHeader];
    const problem: ProblemDetails = {
      type: `https://samverkan.se/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: titleOfKind[kind],
      status: statusOfKind[kind],
      detail: error.message,
      instance: request.originalUrl.split('?')[0] ?? request.originalUrl,
      code: error.code,
      ...(error.fields ? { errors: error.fields } : {}),
      ...(typeof correlationId === 'string' ? { correlationId } : {}),
    };
    if (kind === 'rate_limited') response.setHeader('Retry-After', '60');
    // A service that is down or held off: when to ask again (it recovers without anyone's help).
    if (kind === 'unavailable') response.setHeader('Retry-After', String(error instanceof ServiceUnavailableError ? error.retryAfterSeconds : 5));
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof ThrottlerException) return new DomainError(ErrorCode.RateLimited, 'Too many requests; slow down');
    // Express reports body-parser failures as HttpExceptions caused by the parser's error.
    const parserError = (exception instanceof HttpException ? exception.cause : exception) as BodyParserError | undefined;
    if (parserError?.type === 'entity.parse.failed' || parserError instanceof SyntaxError) {
      return new DomainError(ErrorCode.ValidationFailed, 'The request body is not valid JSON', [{ field: 'body', message: 'must be valid JSON' }]);
    }
    if (parserError?.type === 'entity.too.large') return new DomainError(ErrorCode.PayloadTooLarge, 'The request body is too large');
    if (parserError instanceof JsonTooDeepError)
      return new DomainError(ErrorCode.ValidationFailed, parserError.message, [
        { field: 'body', message: `must not nest deeper than ${parserError.maxDepth} levels` },
      ]);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return new DomainError(ErrorCode.RouteNotFound, 'No such route');
      if (status === 413) return new DomainError(ErrorCode.PayloadTooLarge, 'The request body is too large');
      if (status === 415)
        return new DomainError(ErrorCode.ValidationFailed, 'The request body must be JSON', [{ field: 'body', message: 'must be application/json' }]);
      if (status < 500) return new DomainError(ErrorCode.ValidationFailed, exception.message, [{ field: 'request', message: exception.message }]);
    }
    this.logger.error({ err: exception }, 'unhandled error');
    return new DomainError(ErrorCode.Internal, 'Something went wrong on our side; the correlation id helps us find it');
  }
}
