import { AccessAction, AccessReason, CaseTeamRole, ConsentPurpose, DomainError, ErrorCode, LegalBasis, type ActorContext } from '@samverkan/contracts';
import { Outbox, RpcClient } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { CaseAccess, type AllowedCaseAccess } from '../access/case-access';
import type { CaseRecord, ConsentRecord } from '../cases/cases.repository';
import { ConsentsRepository } from './consents.repository';
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
    openedBy: randomUUID(),
    openedAt: new Date('2026-11-02T09:00:00Z'),
    ...overrides,
  };
}

function aConsent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: randomUUID(),
    caseId: randomUUID(),
    organisationId: randomUUID(),
    purpose: ConsentPurpose.Referral,
    recordedBy: randomUUID(),
    givenAt: new Date(),
    revokedAt: null,
    ...overrides,
  };
}

/** What CaseAccess answers when the policy allows the actor, whose unit leads the case. */
function allowed(actor: ActorContext, overrides: Partial<CaseRecord> = {}): AllowedCaseAccess {
  return {
    case: aCase({ ownerOrganisationId: actor.organisationId, ownerUnitId: actor.unitId, ...overrides }),
    team: [{ unitId: actor.unitId, organisationId: actor.organisationId, role: CaseTeamRole.Lead, legalBasis: LegalBasis.CaseHandling }],
    decision: { allowed: true, reason: AccessReason.LeadUnit, legalBasis: LegalBasis.CaseHandling },
  };
}

const denied = () => new DomainError(ErrorCode.NotOnCaseTeam, 'Access denied: not_on_team');

describe('ConsentsService', () => {
  const setUp = () => {
    const consents = automock(ConsentsRepository);
    const access = automock(CaseAccess);
    const rpc = automock(RpcClient);
    const outbox = automock(Outbox);
    return { service: new ConsentsService(consents, access, rpc, outbox), consents, access, rpc, outbox };
  };

  describe('record', () => {
    it('records a new consent, announces it and logs the change as allowed', async () => {
      const { service, consents, access, outbox } = setUp();
      const actor = anActor();
      const granted = allowed(actor);
      access.require.mockResolvedValue(granted);
      consents.findActive.mockResolvedValue(null);
      consents.create.mockImplementation(async (consent) => aConsent(consent));
      const organisationId = randomUUID();

      const view = await service.record({ caseId: granted.case.id, organisationId, purpose: ConsentPurpose.Referral }, actor);

      expect(view).toMatchObject({ organisationId, purpose: 'referral' });
      expect(outbox.add).toHaveBeenCalledWith(
        'cases.events.consent.recorded',
        { type: 'consent', id: view.id },
        { consentId: view.id, caseId: granted.case.id, organisationId, purpose: 'referral' },
      );
      expect(access.logAllowed).toHaveBeenCalledWith(granted, actor, AccessAction.RecordConsent, 'referral');
    });

    it('returns the active consent when it is recorded again, announces nothing, and still logs the access', async () => {
      const { service, consents, access, outbox } = setUp();
      const actor = anActor();
      const existing = aConsent();
      access.require.mockResolvedValue(allowed(actor));
      consents.findActive.mockResolvedValue(existing);

      const view = await service.record({ caseId: existing.caseId, organisationId: existing.organisationId, purpose: existing.purpose }, actor);

      expect(view.id).toBe(existing.id);
      expect(consents.create).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
      expect(access.logAllowed).toHaveBeenCalledTimes(1);
    });

    it('names organisationId when the organisation does not exist', async () => {
      const { service, access, rpc, consents } = setUp();
      const actor = anActor();
      access.require.mockResolvedValue(allowed(actor));
      rpc.request.mockRejectedValue(new DomainError(ErrorCode.OrganisationNotFound, 'No organisation'));

      const error = await service
        .record({ caseId: randomUUID(), organisationId: randomUUID(), purpose: ConsentPurpose.Referral }, actor)
        .catch((thrown: unknown) => thrown);

      expect(error).toMatchObject({ code: ErrorCode.OrganisationNotFound, fields: [{ field: 'organisationId', message: 'no such organisation' }] });
      expect(consents.create).not.toHaveBeenCalled();
    });

    it('stops at the policy: a denied actor causes no lookup, no consent and no event', async () => {
      const { service, access, rpc, consents, outbox } = setUp();
      access.require.mockRejectedValue(denied());

      await expect(service.record({ caseId: randomUUID(), organisationId: randomUUID(), purpose: ConsentPurpose.Referral }, anActor())).rejects.toMatchObject({
        code: ErrorCode.NotOnCaseTeam,
      });
      expect(rpc.request).not.toHaveBeenCalled();
      expect(consents.create).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });
  });

  describe('check', () => {
    it('answers covered only for an active consent to the receiver, with the case attributes, and logs the read', async () => {
      const { service, consents, access } = setUp();
      const sender = anActor();
      const granted = allowed(sender);
      access.require.mockResolvedValue(granted);
      consents.isCovered.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
      const receivingOrganisationId = randomUUID();
      const query = { caseId: granted.case.id, receivingOrganisationId, purpose: ConsentPurpose.Referral };

      await expect(service.check(query, sender)).resolves.toEqual({
        covered: true,
        caseId: granted.case.id,
        municipalityCode: '1862',
        targetGroup: 'disability',
        gender: 'female',
      });
      await expect(service.check(query, sender)).resolves.toMatchObject({ covered: false });
      expect(consents.isCovered).toHaveBeenCalledWith(granted.case.id, receivingOrganisationId, 'referral');
      expect(access.require).toHaveBeenCalledWith(granted.case.id, sender, AccessAction.CheckConsent, 'referral');
      expect(access.logAllowed).toHaveBeenCalledTimes(2);
    });

    it('says nothing about the consents of a case the policy denies', async () => {
      const { service, consents, access } = setUp();
      access.require.mockRejectedValue(denied());

      await expect(
        service.check({ caseId: randomUUID(), receivingOrganisationId: randomUUID(), purpose: ConsentPurpose.Referral }, anActor()),
      ).rejects.toMatchObject({
        code: ErrorCode.NotOnCaseTeam,
      });
      expect(consents.isCovered).not.toHaveBeenCalled();
    });
  });
});
