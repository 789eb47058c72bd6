import { ConsentPurpose, ReferralStatus, ReferralWithdrawalReason, TargetGroup, type ConsentWithdrawnData } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { ReferralRecord } from './referral';
import { aReferralRecord } from './referral.testing';
import { ReferralWithdrawals } from './referral-withdrawals.service';
import { ReferralsRepository } from './referrals.repository';

function anEndedConsent(): ConsentWithdrawnData {
  return { consentId: randomUUID(), caseId: randomUUID(), receivers: [{ organisationId: randomUUID(), unitId: null }], purpose: ConsentPurpose.Referral };
}

/** A referral as the repository returns it once withdrawn. */
function aWithdrawnReferral(consent: ConsentWithdrawnData, overrides: Partial<ReferralRecord> = {}): ReferralRecord {
  return aReferralRecord({
    caseId: consent.caseId,
    toOrganisationId: consent.receivers[0]?.organisationId ?? randomUUID(),
    targetGroup: TargetGroup.YoungAdultWithDisability,
    status: ReferralStatus.Withdrawn,
    consentId: consent.consentId,
    withdrawalReason: ReferralWithdrawalReason.ConsentWithdrawn,
    withdrawnAt: new Date(),
    endedAt: new Date(),
    version: 2,
    ...overrides,
  });
}

describe('ReferralWithdrawals', () => {
  const setUp = () => {
    const repository = automock(ReferralsRepository);
    const outbox = automock(Outbox);
    return { withdrawals: new ReferralWithdrawals(repository, outbox), repository, outbox };
  };

  it('withdraws the open referrals of the case that relied on the consent, with the reason', async () => {
    const { withdrawals, repository } = setUp();
    const consent = anEndedConsent();
    repository.withdrawOpenRelyingOn.mockResolvedValue([]);

    await withdrawals.withdrawRelyingOn(consent, ReferralWithdrawalReason.ConsentExpired);

    expect(repository.withdrawOpenRelyingOn).toHaveBeenCalledWith(consent.consentId, consent.caseId, 'consent_expired');
  });

  it('announces each withdrawn referral with its full state and new version, in the same transaction', async () => {
    const { withdrawals, repository, outbox } = setUp();
    const consent = anEndedConsent();
    const sent = aWithdrawnReferral(consent, { version: 2 });
    const accepted = aWithdrawnReferral(consent, { version: 3, respondedAt: new Date(), respondedBy: randomUUID() });
    repository.withdrawOpenRelyingOn.mockResolvedValue([sent, accepted]);

    const count = await withdrawals.withdrawRelyingOn(consent, ReferralWithdrawalReason.ConsentWithdrawn);

    expect(count).toBe(2);
    expect(outbox.add.mock.calls).toEqual([
      [
        'referrals.events.referral.withdrawn',
        { type: 'referral', id: sent.id },
        {
          referralId: sent.id,
          caseId: consent.caseId,
          fromOrganisationId: sent.fromOrganisationId,
          toOrganisationId: sent.toOrganisationId,
          municipalityCode: '1880',
          targetGroup: 'disability',
          gender: 'female',
          status: 'withdrawn',
          declineReason: null,
          withdrawalReason: 'consent_withdrawn',
          version: 2,
          supportResourceId: null,
          toUnitId: null,
          external: false,
          sharedFields: [],
          legalBasis: 'consent',
          deadlines: { acknowledgeBy: null, answerBy: null, startBy: null },
          exitDestination: null,
          outcome: null,
          steps: { sentAt: sent.sentAt.toISOString(), acknowledgedAt: null, answeredAt: null, startedAt: null, endedAt: sent.endedAt?.toISOString() },
        },
      ],
      ['referrals.events.referral.withdrawn', { type: 'referral', id: accepted.id }, expect.objectContaining({ status: 'withdrawn', version: 3 })],
    ]);
  });

  it('writes no event when nothing relying on the consent is open (already withdrawn, answered, or a repeated event)', async () => {
    const { withdrawals, repository, outbox } = setUp();
    repository.withdrawOpenRelyingOn.mockResolvedValue([]);

    expect(await withdrawals.withdrawRelyingOn(anEndedConsent(), ReferralWithdrawalReason.ConsentWithdrawn)).toBe(0);
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it('lets a failed event write fail the whole handling, so the consumer rolls the withdrawal back and retries it', async () => {
    const { withdrawals, repository, outbox } = setUp();
    const consent = anEndedConsent();
    repository.withdrawOpenRelyingOn.mockResolvedValue([aWithdrawnReferral(consent), aWithdrawnReferral(consent)]);
    outbox.add.mockRejectedValueOnce(new Error('connection lost'));

    await expect(withdrawals.withdrawRelyingOn(consent, ReferralWithdrawalReason.ConsentWithdrawn)).rejects.toThrow('connection lost');
    expect(outbox.add).toHaveBeenCalledTimes(1);
  });
});
