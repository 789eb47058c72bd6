import { DomainError, ErrorCode, errorKindOf, isErrorPayload } from './errors';
import { OpenCaseCommand } from './cases/cases';
import { SendReferralCommand } from './referrals/referrals';
import { ListOrganisationsQuery } from './actors/organisations';
import { validatePayload } from './validation';

function validationError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected validation to fail');
}

const actor = {
  staffId: '0b6c1f1e-4a51-4c4b-9d6e-3f1b2a7c8d90',
  organisationId: '1c7d2e3f-5a62-4d5c-8e7f-4a2b3c8d9e01',
  unitId: '2d8e3f4a-6b73-4e6d-9f8a-5b3c4d9e0f12',
  roles: ['caseworker'],
};

describe('validatePayload', () => {
  it('returns a typed instance when the payload is valid', () => {
    const command = validatePayload(SendReferralCommand, {
      actor,
      caseId: '3e9f4a5b-7c84-4f7e-8a9b-6c4d5e0f1a23',
      toOrganisationId: '4fa05b6c-8d95-4a8f-9bac-7d5e6f1a2b34',
    });

    expect(command).toBeInstanceOf(SendReferralCommand);
    expect(command.actor.roles).toEqual(['caseworker']);
  });

  it('names every bad field, nested ones with their path', () => {
    const error = validationError(() => validatePayload(SendReferralCommand, { actor: { ...actor, unitId: 'unit-7', roles: ['janitor'] }, caseId: 5 }));

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fields?.map((violation) => violation.field).sort()).toEqual(['actor.roles', 'actor.unitId', 'caseId', 'toOrganisationId']);
  });

  it('refuses unknown fields instead of ignoring them', () => {
    const error = validationError(() => validatePayload(ListOrganisationsQuery, { limit: 5, orderBy: 'name' }));

    expect(error.fields).toEqual([{ field: 'orderBy', message: 'property orderBy should not exist' }]);
  });

  it('refuses a payload that is not an object', () => {
    for (const payload of [null, 'text', 7, []]) {
      expect(validationError(() => validatePayload(ListOrganisationsQuery, payload)).fields).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    }
  });

  it('converts a numeric query string and keeps the page size within bounds', () => {
    expect(validatePayload(ListOrganisationsQuery, { limit: '20' }).limit).toBe(20);
    expect(validationError(() => validatePayload(ListOrganisationsQuery, { limit: '101' })).fields?.[0]?.field).toBe('limit');
  });

  it('accepts personnummer and samordningsnummer with a valid check digit only', () => {
    const open = (personnummer: string) => () => validatePayload(OpenCaseCommand, { actor, personnummer, municipalityCode: '1880', targetGroup: 'uvas' });

    expect(open('19900101-0017')).not.toThrow();
    expect(open('900101-0017')).not.toThrow();
    expect(open('19900161-0014')).not.toThrow(); // samordningsnummer: day + 60
    expect(validationError(open('19900101-0018')).fields?.[0]).toEqual({
      field: 'personnummer',
      message: 'personnummer must be a valid personnummer or samordningsnummer',
    });
  });
});

describe('error codes', () => {
  it('recognises a structured error payload by its known code', () => {
    expect(isErrorPayload({ code: 'CASE_NOT_FOUND', message: 'No case' })).toBe(true);
    expect(isErrorPayload({ code: 'SOMETHING_ELSE', message: 'x' })).toBe(false);
    expect(isErrorPayload('CASE_NOT_FOUND')).toBe(false);
  });

  it('round-trips a domain error through its wire shape', () => {
    const error = new DomainError(ErrorCode.ValidationFailed, 'Invalid value for caseId', [{ field: 'caseId', message: 'must be a UUID' }]);

    const copy = DomainError.fromPayload(JSON.parse(JSON.stringify(error.toPayload())));

    expect(copy).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Invalid value for caseId',
      fields: [{ field: 'caseId', message: 'must be a UUID' }],
      kind: 'invalid',
    });
  });

  it('gives every code a kind', () => {
    for (const code of Object.values(ErrorCode)) expect(errorKindOf[code]).toEqual(expect.any(String));
  });
});
