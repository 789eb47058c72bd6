import Personnummer from 'personnummer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Accepts a personnummer or samordningsnummer (YYYYMMDD-NNNC or YYMMDD-NNNC, Luhn-checked). */
export function isSwedishIdentityNumber(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 13 && Personnummer.valid(value, { allowCoordinationNumber: true, allowInterimNumber: false });
}

export function IsSwedishIdentityNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isSwedishIdentityNumber',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      options: { message: '$property must be a valid personnummer or samordningsnummer', ...options },
      validator: { validate: (value: unknown) => isSwedishIdentityNumber(value) },
    });
}
