import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode, validatePayload } from '@samverkan/contracts';

const primitives = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Validates bodies and query strings with the class-validator rules of the contracts: unknown
 * fields are refused and every bad field is named. Query values arrive as strings and are
 * converted where the contract says so (e.g. `limit`). A missing body is refused, not read as `{}`.
 */
@Injectable()
export class HttpValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const type = metadata.metatype;
    if ((metadata.type !== 'body' && metadata.type !== 'query') || !type || primitives.has(type)) return value;
    // A handler that takes a body needs one, even when every field may be left out (a PATCH).
    if (metadata.type === 'body' && value === undefined) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The request needs a JSON body', [{ field: 'body', message: 'is required' }]);
    }
    return validatePayload(type as new () => object, value ?? {});
  }
}
