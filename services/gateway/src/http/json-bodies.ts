import { DomainError, ErrorCode } from '@samverkan/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The body parser's error when a JSON body nests too deep; the problem filter answers 400. */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;

  constructor(readonly maxDepth: number) {
    super(`The request body nests deeper than ${maxDepth} levels`);
  }
}

/**
 * Routes whose bodies may be larger than the general limit, with their own. An ESF project page is
 * up to 200 000 characters (`longestEsfPageText`): in UTF-8 and JSON-escaped, well under 1 MB,
 * which is also NATS' largest message.
 */
export const largeJsonBodyRoutes: readonly { path: string; limit: string }[] = [{ path: 'projects/import', limit: '1mb' }];

const openers = new Set([0x7b, 0x5b]); // { [
const closers = new Set([0x7d, 0x5d]); // } ]
const quote = 0x22;
const backslash = 0x5c;

/**
 * The deepest nesting of objects and arrays in raw JSON, counted on the bytes before anything
 * parses them, stopping as soon as it passes `limit`. Brackets inside strings do not count.
 */
export function jsonDepthExceeds(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index] as number;
    if (inString) {
      if (byte === backslash) index += 1;
      else if (byte === quote) inString = false;
    } else if (byte === quote) {
      inString = true;
    } else if (openers.has(byte)) {
      depth += 1;
      if (depth > limit) return true;
    } else if (closers.has(byte)) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The JSON body parser's `verify` hook: refuses a body that nests deeper than `maxDepth` before
 * JSON.parse, validation or class-transformer walk it (a 10 000-level body made them throw).
 */
export function limitJsonDepth(maxDepth: number): (request: IncomingMessage, response: ServerResponse, body: Buffer) => void {
  return (_request, _response, body) => {
    if (jsonDepthExceeds(body, maxDepth)) throw new JsonTooDeepError(maxDepth);
  };
}

/** A request with a body that is not JSON gets a 400 naming the body, instead of being read as empty. */
export function refuseNonJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (hasBody && !request.is('application/json')) {
    next(new DomainError(ErrorCode.ValidationFailed, 'The request body must be JSON', [{ field: 'body', message: 'must be application/json' }]));
    return;
  }
  next();
}
