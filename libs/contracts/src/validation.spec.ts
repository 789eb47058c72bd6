import { DomainError, ErrorCode, errorKindOf, isErrorPayload } from './errors';
import { CaseView, OpenCaseCommand } from './cases/cases';
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

describe('validatePayload', () => {
  it('returns a typed instance when the payload is valid', () => {
    const command = validatePayload(SendReferralCommand, {
      caseId: '3e9f4a5b-7c84-4f7e-8a9b-6c4d5e0f1a23',
      toOrganisationId: '4fa05b6c-8d95-4a8f-9bac-7d5e6f1a2b34',
    });

    expect(command).toBeInstanceOf(SendReferralCommand);
    expect(command.toOrganisationId).toBe('4fa05b6c-8d95-4a8f-9bac-7d5e6f1a2b34');
  });

  it('names every bad field, nested ones with their path', () => {
    const consent = { id: '3e9f4a5b-7c84-4f7e-8a9b-6c4d5e0f1a23', organisationId: 'org-7', purpose: 'gossip', givenAt: '2026-11-26T09:00:00Z' };
    const error = validationError(() => validatePayload(CaseView, { id: 5, consents: [consent] }));

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fields?.map((violation) => violation.field)).toEqual(
      expect.arrayContaining(['id', 'consents.0.organisationId', 'consents.0.purpose', 'municipalityCode']),
    );
  });

  it('refuses an actor in a payload: who acts travels only in the caller assertion', () => {
    const error = validationError(() =>
      validatePayload(SendReferralCommand, {
        caseId: '3e9f4a5b-7c84-4f7e-8a9b-6c4d5e0f1a23',
        toOrganisationId: '4fa05b6c-8d95-4a8f-9bac-7d5e6f1a2b34',
        actor: { staffId: '0b6c1f1e-4a51-4c4b-9d6e-3f1b2a7c8d90', roles: ['administrator'] },
      }),
    );

    expect(error.fields).toEqual([{ field: 'actor', message: 'property actor should not exist' }]);
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
    const open = (personnummer: string) => () => validatePayload(OpenCaseCommand, { personnummer, municipalityCode: '1880', targetGroup: 'uvas' });

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
