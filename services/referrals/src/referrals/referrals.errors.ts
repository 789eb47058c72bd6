import { DomainError, ErrorCode, type ReferralStatus } from '@samverkan/contracts';

export const referralNotFound = (referralId: string) => new DomainError(ErrorCode.ReferralNotFound, `No referral ${referralId}`);

export const notReceiver = () => new DomainError(ErrorCode.NotReceiver, 'Only the receiving organisation may answer a referral');

export const notParty = () => new DomainError(ErrorCode.Forbidden, 'Only the sending and the receiving organisation may see a referral');

/** 409 naming the current status and the moves the party may make from it. */
export const illegalTransition = (from: ReferralStatus, to: ReferralStatus, allowed: readonly ReferralStatus[]) =>
  new DomainError(ErrorCode.IllegalTransition, `A referral that is ${from} cannot become ${to}`, [
    { field: 'status', message: `is ${from}; allowed from here: ${allowed.length > 0 ? allowed.join(', ') : 'none'}` },
  ]);

export const consentDoesNotCoverReceiver = () =>
  new DomainError(ErrorCode.ConsentDoesNotCoverReceiver, 'The person has not consented to share with the receiving organisation for referrals', [
    { field: 'toOrganisationId', message: 'no active consent covers this organisation for the purpose referral' },
  ]);

export const consentNotActive = () =>
  new DomainError(
    ErrorCode.ConsentNotActive,
    'The consent this referral relied on has been withdrawn or has expired, or its receiver left the case team it shared on',
    [{ field: 'referralId', message: 'what it relied on no longer holds' }],
  );

export const referralToSelf = () =>
  new DomainError(ErrorCode.ReferralToSelf, 'A referral must go to another organisation', [{ field: 'toOrganisationId', message: 'is your own organisation' }]);
