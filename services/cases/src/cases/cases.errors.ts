import { DomainError, ErrorCode } from '@samverkan/contracts';

export const caseNotFound = (caseId: string) => new DomainError(ErrorCode.CaseNotFound, `No case ${caseId}`, [{ field: 'caseId', message: 'no such case' }]);

export const notOnCaseTeam = () => new DomainError(ErrorCode.NotOnCaseTeam, 'Only organisations on the case team may do this');
