import { DomainError, ErrorCode, type MunicipalityCode } from '@samverkan/contracts';

export const otherMunicipality = (municipalityCode: MunicipalityCode) =>
  new DomainError(ErrorCode.Forbidden, `Staff of a municipality read their own municipality's figures, not those of ${municipalityCode}`, [
    { field: 'municipalityCode', message: 'is not a municipality your organisation serves' },
  ]);
