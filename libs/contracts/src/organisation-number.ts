import Organisationsnummer from 'organisationsnummer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A Swedish organisation number of a legal entity: ten digits (NNNNNN-NNNN), the third at least
 * 2, Luhn check digit. A sole trader's number is their personnummer (third digit 0 or 1), which
 * the directory must not hold, so it is refused.
 */
export function isOrganisationNumber(value: unknown): value is string {
  return typeof value === 'string' && /^\d{2}[2-9]\d{3}-?\d{4}$/.test(value) && Organisationsnummer.valid(value);
}

/** The form the directory stores and shows: NNNNNN-NNNN. */
export function normaliseOrganisationNumber(value: string): string {
  const digits = value.replace('-', '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export function IsOrganisationNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isOrganisationNumber',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      options: { message: '$property must be a Swedish organisation number (NNNNNN-NNNN with a valid check digit)', ...options },
      validator: { validate: (value: unknown) => isOrganisationNumber(value) },
    });
}
