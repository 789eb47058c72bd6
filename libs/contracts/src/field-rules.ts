import { Transform } from 'class-transformer';
import { todayInSweden } from './calendar';
import { IsPhoneNumber, IsPostalCode, Matches, registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A code of a data-driven catalogue (competences): lower-case letters, digits and underscores. */
export const catalogueCodePattern = /^[a-z][a-z0-9_]{1,49}$/;

/**
 * The field may be left out, but when it is given it must be valid: unlike @IsOptional(), null is
 * refused, so a PATCH cannot blank a field that is required, and the OpenAPI document (which marks
 * only @IsOptional() fields nullable) says what the API takes.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** A query-string boolean: `true` and `false` become booleans; anything else stays and fails @IsBoolean. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      options: { message: '$property must be a calendar date (YYYY-MM-DD)', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/**
 * This field may not be less than `other` of the same object (an upper bound of a range), when
 * both are present. Numbers compare as numbers, dates (YYYY-MM-DD) as text, which sorts them.
 */
export function IsNotLessThan(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotLessThan',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      constraints: [other],
      options: { message: `$property may not be less than ${other}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const lower = (args.object as Record<string, unknown>)[other];
          if (value === undefined || value === null || lower === undefined || lower === null) return true;
          if (typeof value !== typeof lower || (typeof value !== 'number' && typeof value !== 'string')) return true;
          return value >= (lower as typeof value);
        },
      },
    });
}

/**
 * A Swedish phone number as people write it (019-21 10 00, +46 19 21 10 00) that is valid for
 * its area code. The pattern comes first because libphonenumber finds a number inside any text
 * ("Tel 019-211000;drop" passes it alone), and a directory shows what it stores.
 */
export function IsSwedishPhoneNumber(): PropertyDecorator {
  return (target, propertyKey) => {
    Matches(/^\+?[0-9 ()-]{6,20}$/, { message: '$property must be a phone number of digits, spaces, hyphens and brackets' })(target, propertyKey);
    IsPhoneNumber('SE', { message: '$property must be a Swedish phone number' })(target, propertyKey);
  };
}

/** A Swedish postal code, NNN NN (the space optional), without the old S- prefix. */
export function IsSwedishPostalCode(): PropertyDecorator {
  return (target, propertyKey) => {
    Matches(/^\d{3} ?\d{2}$/, { message: '$property must be a Swedish postal code (NNN NN)' })(target, propertyKey);
    IsPostalCode('SE')(target, propertyKey);
  };
}

/** A calendar date after today in Sweden, e.g. when something must still be in force tomorrow. */
export function IsFutureCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isFutureCalendarDate',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      options: { message: '$property must be a calendar date (YYYY-MM-DD) after today', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) && value > todayInSweden() },
    });
}

/** An instant (ISO 8601 with a zone) that is not in the future; a few seconds of clock skew are forgiven. */
export function IsPastInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isPastInstant',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      options: { message: '$property must be a time (ISO 8601 with a zone) that is not in the future', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          !Number.isNaN(Date.parse(value)) &&
          Date.parse(value) <= Date.now() + 60_000,
      },
    });
}
