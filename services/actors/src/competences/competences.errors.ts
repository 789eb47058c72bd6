import { DomainError, ErrorCode, validationFailed } from '@samverkan/contracts';

export const competenceCodeTaken = (code: string) =>
  new DomainError(ErrorCode.CompetenceCodeTaken, `The competence ${code} is already in the catalogue`, [
    { field: 'code', message: 'is already in the catalogue' },
  ]);

export const unknownCompetences = (field: string, codes: string[]) =>
  validationFailed([{ field, message: `unknown competence codes: ${codes.join(', ')} (see GET /competences)` }]);
