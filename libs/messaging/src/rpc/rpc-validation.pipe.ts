import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validatePayload } from '@samverkan/contracts';

const primitives = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer]);

/**
 * Validates every NATS payload against the class its handler declares, with the same
 * class-validator rules the sender used; a bad payload becomes a VALIDATION_FAILED error.
 */
@Injectable()
export class RpcValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const type = metadata.metatype;
    if (!type || primitives.has(type) || metadata.type === 'custom') return value;
    return validatePayload(type as new () => object, value);
  }
}
