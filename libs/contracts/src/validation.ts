import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError, ErrorCode, type FieldViolation } from './errors';

type Constructor<T> = new () => T;

/** Options every receiver of a command or query uses: unknown fields are refused, so typos cannot pass silently. */
export const strictValidation = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/**
 * Options readers of events use: fields they do not know are dropped, not refused, so a producer
 * can add a field before every consumer knows it (a rolling deploy). Missing or mistyped known
 * fields still fail.
 */
export const tolerantValidation = { whitelist: true, forbidNonWhitelisted: false, forbidUnknownValues: true } as const;

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(fields: FieldViolation[]): DomainError {
  const named = [...new Set(fields.map((violation) => violation.field))].join(', ');
  return new DomainError(ErrorCode.ValidationFailed, `Invalid value for ${named}`, fields);
}

/**
 * Turns an untrusted plain object into a validated instance of `type`, or throws a
 * VALIDATION_FAILED domain error naming every bad field. Used by every receiver, whatever
 * transport brought the payload.
 */
export function validatePayload<T extends object>(
  type: Constructor<T>,
  plain: unknown,
  options: { unknownFields: 'refuse' | 'drop' } = { unknownFields: 'refuse' },
): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw validationFailed([{ field: 'body', message: 'must be a JSON object' }]);
  }
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, options.unknownFields === 'drop' ? tolerantValidation : strictValidation);
  if (errors.length > 0) throw validationFailed(flattenValidationErrors(errors));
  return instance;
}
