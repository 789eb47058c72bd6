import { DomainError, ErrorCode } from '@samverkan/contracts';

/** Not found, whether it does not exist or is addressed to others: a staff member cannot tell which. */
export const notificationNotFound = (notificationId: string) =>
  new DomainError(ErrorCode.NotificationNotFound, `No notification ${notificationId} for you`, [
    { field: 'notificationId', message: 'is not a notification of yours' },
  ]);
