import { DomainError, ErrorCode } from '@samverkan/contracts';

export const organisationNotFound = (organisationId: string) => new DomainError(ErrorCode.OrganisationNotFound, `No organisation ${organisationId}`);

export const organisationNameTaken = (name: string) => new DomainError(ErrorCode.OrganisationNameTaken, `An organisation named "${name}" already exists`);

export const organisationNumberTaken = (organisationNumber: string) =>
  new DomainError(ErrorCode.OrganisationNumberTaken, `An organisation with the number ${organisationNumber} is already in the directory`, [
    { field: 'organisationNumber', message: 'is already in the directory' },
  ]);

export const unitNotFound = (unitId: string) => new DomainError(ErrorCode.UnitNotFound, `No unit ${unitId}`);

export const unitNameTaken = (name: string) =>
  new DomainError(ErrorCode.UnitNameTaken, `The organisation already has a unit named "${name}"`, [{ field: 'name', message: 'is already in use' }]);

/** A unit named in a request that is not the acting organisation's own. */
export const unitOfAnotherOrganisation = (field = 'unitId') =>
  new DomainError(ErrorCode.Forbidden, 'The unit belongs to another organisation', [{ field, message: 'must be a unit of your own organisation' }]);
