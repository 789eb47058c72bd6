import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A code of a data-driven catalogue (competences): lower-case letters, digits and underscores. */
export const catalogueCodePattern = /^[a-z][a-z0-9_]{1,49}$/;

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
