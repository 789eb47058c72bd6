import { DomainError, ErrorCode } from '@samverkan/contracts';
import type { EsfPageError } from './esf-page.parser';

export const projectNotFound = (projectId: string, field = 'projectId') =>
  new DomainError(ErrorCode.ProjectNotFound, `No project ${projectId}`, [{ field, message: 'no such project' }]);

/** The page could not be read: each error names its field, and its line when one line is to blame. */
export const unreadablePage = (errors: readonly EsfPageError[]) =>
  new DomainError(
    ErrorCode.ValidationFailed,
    'The text is not an ESF project page that can be imported',
    errors.map((error) => ({ field: error.field, message: error.line === null ? error.message : `line ${error.line}: ${error.message}` })),
  );
