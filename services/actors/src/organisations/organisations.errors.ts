import { DomainError, ErrorCode, validationFailed } from '@samverkan/contracts';

export const organisationNotFound = (organisationId: string) => new DomainError(ErrorCode.OrganisationNotFound, `No organisation ${organisationId}`);

export const organisationNameTaken = (name: string) => new DomainError(ErrorCode.OrganisationNameTaken, `An organisation named "${name}" already exists`);

export const municipalityCodeRequired = () => validationFailed([{ field: 'municipalityCode', message: 'municipalityCode is required for a municipality' }]);
