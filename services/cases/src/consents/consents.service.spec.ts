import {
  AccessAction,
  AccessReason,
  CaseTeamRole,
  ConsentForm,
  ConsentPurpose,
  DomainError,
  ErrorCode,
  LegalBasis,
  StaffRole,
  type ActorContext,
  type DisclosureBasis,
} from '@samverkan/contracts';
import { ActorsDirectory, Outbox, RpcClient } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { CaseAccess, coveredBy, type AllowedCaseAccess } from '../access/case-access';
import { CasesRepository, type CaseRecord } from '../cases/cases.repository';
import { ConsentsRepository, type ConsentRecord } from './consents.repository';
import { ConsentsService } from './consents.service';

jest.mock('@nestjs-cls/transactional', () => ({
  ...jest.requireActual('@nestjs-cls/transactional'),
  Transactional: () => () => undefined,
}));

function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: randomUUID(),
    personId: randomUUID(),
    ownerOrganisationId: randomUUID(),
    ownerUnitId: randomUUID(),
    municipalityCode: '1862',
    targetGroup: 'disability',
    gender: 'female',
    supportNeeds: [],
    status: 'open',
    outcome: null,
    leadStaffId: randomUUID(),
    openedBy: randomUUID(),
    version: 1,
    openedAt: new Date('2026-11-02T09:00:00Z'),
    ...overrides,
  };
}

function aConsent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: randomUUID(),
    caseId: randomUUID(),
    purpose: ConsentPurpose.Referral,
    givenAs: ConsentForm.Written,
    recordedBy: randomUUID(),
    givenAt: new Date(),
    expiresOn: '2099-12-31',
    withdrawnAt: null,
    withdrawnBy: null,
    receivers: [{ organisationId: randomUUID(), unitId: null }],
    ...overrides,
  };
}

/** A consent to share with one organisation, for referrals, as a caseworker would record it. */
const toShareWith = (caseId: string, organisationId: string) => ({
  caseId,
  receivers: [{ organisationId }],
  purpose: ConsentPurpose.Referral,
  givenAs: ConsentForm.Written,
  expiresOn: '2099-12-31',
});

/** What CaseAccess answers when the policy allows the actor, whose unit leads the case. */
function allowed(actor: ActorContext, overrides: Partial<CaseRecord> = {}): AllowedCaseAccess {
  return {
    case: aCase({ ownerOrganisationId: actor.organisationId, ownerUnitId: actor.unitId, ...overrides }),
    team: [{ unitId: actor.unitId, organisationId: actor.organisationId, role: CaseTeamRole.Lead, legalBasis: LegalBasis.CaseHandling }],
    protectedIdentity: false,
    decision: { allowed: true, reason: AccessReason.LeadUnit, legalBasis: LegalBasis.CaseHandling },
  };
}

const denied = () => new DomainError(ErrorCode.NotOnCaseTeam, 'Access denied: not_on_team');

describe('ConsentsService', () => {
  const setUp = () => {
    const consents = automock(ConsentsRepository);
    const access = automock(CaseAccess);
    const rpc = automock(RpcClient);
    rpc.request.mockResolvedValue({}); // actors knows every organisation asked about, unless a test says otherwise
    const outbox = automock(Outbox);
    const cases = automock(CasesRepository);
    // A share is decided by CaseAccess's own rules on what the (mocked) repository loads, with the
    // team policy (`decide`) left to each test: the real rules, not a mock's.
    access.asNamedReceiver.mockImplementation(CaseAccess.prototype.asNamedReceiver);
    access.requireForShare.mockImplementation((query, actor, action) =>
      CaseAccess.prototype.requireForShare.call(
        { cases, asNamedReceiver: access.asNamedReceiver, decide: access.decide } as unknown as CaseAccess,
        query,
        actor,
        action,
      ),
    );
    return { service: new ConsentsService(consents, access, cases, new ActorsDirectory(rpc), outbox), consents, access, cases, rpc, outbox };
  };

  describe('record', () => {
    it('records the consent with its receivers and expiry, announces it and logs the change as allowed', async () => {
      const { service, consents, access, outbox } = setUp();
      const actor = anActor();
      const granted = allowed(actor);
      access.require.mockResolvedValue(granted);
      consents.create.mockImplementation(async (consent) => aConsent({ ...consent, withdrawnAt: null, withdrawnBy: null }));
      const organisationId = randomUUID();

      const view = await service.record(toShareWith(granted.case.id, organisationId), actor);

      expect(view).toMatchObject({
        receivers: [{ organisationId, unitId: null }],
        purpose: 'referral',
        givenAs: 'written',
        expiresOn: '2099-12-31',
        status: 'active',
      });
      expect(outbox.add).toHaveBeenCalledWith(
        'cases.events.consent.recorded',
        { type: 'consent', id: view.id },
        { consentId: view.id, caseId: granted.case.id, receivers: [{ organisationId, unitId: null }], purpose: 'referral', expiresOn: '2099-12-31' },
      );
      expect(access.logAllowed).toHaveBeenCalledWith(granted, actor, AccessAction.RecordConsent, 'referral');
    });

    it('records a receiver listed twice once', async () => {
      const { service, consents, access } = setUp();
      const actor = anActor();
      access.require.mockResolvedValue(allowed(actor));
      consents.create.mockImplementation(async (consent) => aConsent({ ...consent }));
      const organisationId = randomUUID();

      await service.record({ ...toShareWith(randomUUID(), organisationId), receivers: [{ organisationId }, { organisationId }] }, actor);

      expect(consents.create.mock.calls[0]?.[0].receivers).toEqual([{ organisationId, unitId: null }]);
    });

    it('names the receiver that does not exist, and records nothing', async () => {
      const { service, access, rpc, consents } = setUp();
      const actor = anActor();
      access.require.mockResolvedValue(allowed(actor));
      rpc.request.mockRejectedValue(new DomainError(ErrorCode.OrganisationNotFound, 'No organisation'));

      const error = await service.record(toShareWith(randomUUID(), randomUUID()), actor).catch((thrown: unknown) => thrown);

      expect(error).toMatchObject({ code: ErrorCode.OrganisationNotFound, fields: [{ field: 'receivers.0.organisationId', message: 'no such organisation' }] });
      expect(consents.create).not.toHaveBeenCalled();
    });

    it('stops at the policy: a denied actor causes no lookup, no consent and no event', async () => {
      const { service, access, rpc, consents, outbox } = setUp();
      access.require.mockRejectedValue(denied());

      await expect(service.record(toShareWith(randomUUID(), randomUUID()), anActor())).rejects.toMatchObject({ code: ErrorCode.NotOnCaseTeam });
      expect(rpc.request).not.toHaveBeenCalled();
      expect(consents.create).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });
  });

  describe('withdraw', () => {
    it('withdraws, announces it with the receivers and logs the change', async () => {
      const { service, consents, access, outbox } = setUp();
      const actor = anActor();
      const consent = aConsent({ withdrawnAt: new Date(), withdrawnBy: actor.staffId });
      access.require.mockResolvedValue(allowed(actor));
      consents.withdraw.mockResolvedValue(consent);

      const view = await service.withdraw({ caseId: consent.caseId, consentId: consent.id }, actor);

      expect(view.status).toBe('withdrawn');
      expect(consents.withdraw).toHaveBeenCalledWith(consent.caseId, consent.id, actor.staffId);
      expect(outbox.add).toHaveBeenCalledWith(
        'cases.events.consent.withdrawn',
        { type: 'consent', id: consent.id },
        { consentId: consent.id, caseId: consent.caseId, receivers: consent.receivers, purpose: 'referral' },
      );
      expect(access.logAllowed).toHaveBeenCalledWith(expect.anything(), actor, AccessAction.WithdrawConsent, 'referral');
    });

    it('refuses a second withdrawal as an illegal transition, and a consent of another case as not found, announcing nothing', async () => {
      const { service, consents, access, outbox } = setUp();
      const actor = anActor();
      access.require.mockResolvedValue(allowed(actor));
      consents.withdraw.mockResolvedValue(null);
      consents.findById.mockResolvedValueOnce(aConsent({ withdrawnAt: new Date() })).mockResolvedValueOnce(null);

      await expect(service.withdraw({ caseId: randomUUID(), consentId: randomUUID() }, actor)).rejects.toMatchObject({ code: ErrorCode.IllegalTransition });
      await expect(service.withdraw({ caseId: randomUUID(), consentId: randomUUID() }, actor)).rejects.toMatchObject({
        code: ErrorCode.ConsentNotFound,
        fields: [{ field: 'consentId' }],
      });
      expect(outbox.add).not.toHaveBeenCalled();
      expect(access.logAllowed).not.toHaveBeenCalled();
    });
  });

  describe('what covers a share', () => {
    const consent = randomUUID();
    it.each([
      ['a new share: a consent first', {}, { coveringConsentId: consent, teamBasis: 'duty_to_disclose' }, 'consent'],
      ['a new share: else the receiver’s ground on the team', {}, { coveringConsentId: null, teamBasis: 'duty_to_disclose' }, 'duty_to_disclose'],
      ['a new share: nothing', {}, { coveringConsentId: null, teamBasis: null }, null],
      ['the consent relied on, still holding', { consentId: consent }, { coveringConsentId: consent, teamBasis: 'duty_to_disclose' }, 'consent'],
      ['the consent relied on, ended, whatever the team says', { consentId: consent }, { coveringConsentId: null, teamBasis: 'duty_to_disclose' }, null],
      [
        'the ground relied on, still on the team',
        { legalBasis: 'duty_to_disclose' },
        { coveringConsentId: consent, teamBasis: 'duty_to_disclose' },
        'duty_to_disclose',
      ],
      [
        'the ground relied on, gone from the team, whatever consents say',
        { legalBasis: 'duty_to_disclose' },
        { coveringConsentId: consent, teamBasis: null },
        null,
      ],
    ] as const)('%s', (_case, query, found, expected) => {
      expect(coveredBy(query, found)).toBe(expected);
    });
  });

  describe('check', () => {
    /** The case as `findForConsentCheck` loads it, with the consent answer of the same query. */
    const loaded = (record: CaseRecord, answer: { coveringConsentId: string | null; askerNamed: boolean; teamBasis?: DisclosureBasis }) => ({
      case: record,
      team: [],
      protectedIdentity: false,
      teamBasis: null,
      ...answer,
    });

    it('answers covered only when a consent covers the receiver, naming it, with the case attributes, and logs the read', async () => {
      const { service, cases, access } = setUp();
      const sender = anActor();
      const granted = allowed(sender);
      const consentId = randomUUID();
      cases.findForConsentCheck
        .mockResolvedValueOnce(loaded(granted.case, { coveringConsentId: consentId, askerNamed: false }))
        .mockResolvedValueOnce(loaded(granted.case, { coveringConsentId: null, askerNamed: false }));
      access.decide.mockResolvedValue(granted);
      const receivingOrganisationId = randomUUID();
      const query = { caseId: granted.case.id, receivingOrganisationId, purpose: ConsentPurpose.Referral };

      await expect(service.check(query, sender)).resolves.toEqual({
        covered: true,
        consentId,
        legalBasis: 'consent',
        caseId: granted.case.id,
        municipalityCode: '1862',
        targetGroup: 'disability',
        gender: 'female',
      });
      await expect(service.check(query, sender)).resolves.toMatchObject({ covered: false, consentId: null, legalBasis: null });
      expect(cases.findForConsentCheck).toHaveBeenCalledWith(granted.case.id, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), {
        purpose: 'referral',
        organisationId: receivingOrganisationId,
        unitId: undefined,
        consentId: undefined,
        legalBasis: undefined,
        asker: { organisationId: sender.organisationId, unitId: sender.unitId },
      });
      expect(access.decide).toHaveBeenCalledWith(expect.objectContaining({ case: granted.case }), sender, AccessAction.CheckConsent, 'referral');
      expect(access.logAllowed).toHaveBeenCalledTimes(2);
    });

    it('says nothing about the consents of a case the policy denies, nor of one that does not exist', async () => {
      const { service, cases, access } = setUp();
      cases.findForConsentCheck.mockResolvedValueOnce(loaded(aCase(), { coveringConsentId: randomUUID(), askerNamed: false })).mockResolvedValueOnce(null);
      access.decide.mockRejectedValue(denied());
      const query = { caseId: randomUUID(), receivingOrganisationId: randomUUID(), purpose: ConsentPurpose.Referral };

      await expect(service.check(query, anActor())).rejects.toMatchObject({ code: ErrorCode.NotOnCaseTeam });
      await expect(service.check(query, anActor())).rejects.toMatchObject({ code: ErrorCode.CaseNotFound });
      expect(access.logAllowed).not.toHaveBeenCalled();
    });

    it('lets staff of the receiving organisation the consent names ask about it, and logs their check on the consent', async () => {
      const { service, cases, access } = setUp();
      const receiver = anActor();
      const record = aCase();
      const consentId = randomUUID();
      cases.findForConsentCheck.mockResolvedValue(loaded(record, { coveringConsentId: null, askerNamed: true }));

      const answer = await service.check(
        { caseId: record.id, receivingOrganisationId: receiver.organisationId, purpose: ConsentPurpose.Referral, consentId },
        receiver,
      );

      expect(answer).toEqual({
        covered: false,
        consentId: null,
        legalBasis: null,
        caseId: record.id,
        municipalityCode: '1862',
        targetGroup: 'disability',
        gender: 'female',
      });
      expect(access.decide).not.toHaveBeenCalled();
      expect(access.logAllowed).toHaveBeenCalledWith(
        expect.objectContaining({ case: record, decision: { allowed: true, reason: AccessReason.ConsentReceiver, legalBasis: LegalBasis.Consent } }),
        receiver,
        AccessAction.CheckConsent,
        'referral',
      );
    });

    it('sends receiving staff the consent does not name, who do not work with cases, or who ask without a consent, through the team policy', async () => {
      const { service, cases, access } = setUp();
      const receiver = anActor();
      const record = aCase();
      access.decide.mockRejectedValue(denied());
      const askers = [
        [receiver, false, randomUUID()],
        [anActor({ organisationId: receiver.organisationId, roles: [StaffRole.Analyst] }), true, randomUUID()],
        [receiver, true, undefined],
      ] as const;

      for (const [actor, askerNamed, consentId] of askers) {
        cases.findForConsentCheck.mockResolvedValue(loaded(record, { coveringConsentId: null, askerNamed }));
        await expect(
          service.check({ caseId: record.id, receivingOrganisationId: receiver.organisationId, purpose: ConsentPurpose.Referral, consentId }, actor),
        ).rejects.toMatchObject({ code: ErrorCode.NotOnCaseTeam });
      }
      expect(access.decide).toHaveBeenCalledTimes(3);
      expect(access.logAllowed).not.toHaveBeenCalled();
    });
  });
});
