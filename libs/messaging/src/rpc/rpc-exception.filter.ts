import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, ErrorCode, type ErrorPayload } from '@samverkan/contracts';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';

/**
 * In a service, every failure of a NATS handler goes back to the caller as a structured error
 * with a code. Unexpected failures are logged here and reported as INTERNAL without details.
 * The service's own small HTTP surface (health, metrics) keeps Nest's HTTP behaviour.
 */
@Catch()
export class RpcExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(RpcExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => this.toPayload(exception));
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    this.logger.error({ err: exception }, 'unhandled error on an HTTP route');
    response.status(500).json({ status: 500, title: 'Internal error' });
  }

  private toPayload(exception: unknown): ErrorPayload {
    if (exception instanceof DomainError) return exception.toPayload();
    this.logger.error({ err: exception }, 'unhandled error in a NATS handler');
    return { code: ErrorCode.Internal, message: 'The service failed to handle the request' };
  }
}
