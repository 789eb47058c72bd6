import { BadRequestException, HttpException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, ErrorCode, errorKindOf } from '@samverkan/contracts';
import { ProblemDetailsFilter, statusOfKind } from './problem-details.filter';

function respond(exception: unknown) {
  const response = { status: jest.fn().mockReturnThis(), type: jest.fn().mockReturnThis(), send: jest.fn().mockReturnThis(), setHeader: jest.fn() };
  const request = { originalUrl: '/api/v1/referrals/42?x=1', headers: { 'x-correlation-id': 'corr-1' } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return {
    status: response.status.mock.calls[0]?.[0] as number,
    type: response.type.mock.calls[0]?.[0] as string,
    body: JSON.parse(response.send.mock.calls[0]?.[0] as string),
    response,
  };
}

describe('ProblemDetailsFilter', () => {
  it('answers a domain error as problem+json with its code, fields and correlation id', () => {
    const answer = respond(new DomainError(ErrorCode.ConsentDoesNotCoverReceiver, 'No consent', [{ field: 'toOrganisationId', message: 'no consent' }]));

    expect(answer.status).toBe(422);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toEqual({
      type: 'https://samverkan.se/problems/consent-does-not-cover-receiver',
      title: 'Rule not satisfied',
      status: 422,
      detail: 'No consent',
      instance: '/api/v1/referrals/42',
      code: 'CONSENT_DOES_NOT_COVER_RECEIVER',
      errors: [{ field: 'toOrganisationId', message: 'no consent' }],
      correlationId: 'corr-1',
    });
  });

  it('maps every error code to a 4xx or 5xx status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(respond(new DomainError(code, 'x')).status).toBe(statusOfKind[errorKindOf[code]]);
    }
  });

  it('names the body when the JSON could not be parsed', () => {
    const parserError = Object.assign(new SyntaxError('Unexpected end of JSON input'), { type: 'entity.parse.failed', status: 400 });

    expect(respond(new BadRequestException('Unexpected end of JSON input', { cause: parserError })).body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'body' }],
    });
  });

  it('answers unknown routes, rate limits and oversized bodies with their own codes', () => {
    expect(respond(new NotFoundException()).body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    const limited = respond(new ThrottlerException());
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(limited.response.setHeader).toHaveBeenCalledWith('Retry-After', '60');
    expect(respond(new HttpException('too large', 413)).body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('reveals nothing about an unexpected failure', () => {
    const answer = respond(new Error('password=hunter2 at db.internal:5432'));

    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('hunter2');
    expect(answer.body).toMatchObject({ code: 'INTERNAL' });
  });
});
