import { ConsentPurpose, DomainError, ErrorCode, StaffRole } from '@samverkan/contracts';
import { Outbox, RpcClient } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { CaseRecord, ConsentRecord } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
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

describe('ConsentsService', () => {
  const setUp = () => {
    const consents = automock(ConsentsRepository);
    const cases = automock(CasesService);
    const rpc = automock(RpcClient);
    const outbox = automock(Outbox);
    return { service: new ConsentsService(consents, cases, rpc, outbox), consents, cases, rpc, outbox };
  };

  describe('record', () => {
    it('records a new consent and announces it', async () => {
      const { service, consents, cases, outbox } = setUp();
      const actor = anActor();
      const record = aCase({ ownerOrganisationId: actor.organisationId });
      cases.requireForTeam.mockResolvedValue(record);
      consents.findActive.mockResolvedValue(null);
      consents.create.mockImplementation(async (consent) => aConsent(consent));
      const organisationId = randomUUID();

      const view = await service.record({ caseId: record.id, organisationId, purpose: ConsentPurpose.Referral }, actor);

      expect(view).toMatchObject({ organisationId, purpose: 'referral' });
      expect(outbox.add).toHaveBeenCalledWith(
        'cases.events.consent.recorded',
        { type: 'consent', id: view.id },
        { consentId: view.id, caseId: record.id, organisationId, purpose: 'referral' },
      );
    });

    it('returns the active consent when it is recorded again, and announces nothing', async () => {
      const { service, consents, cases, outbox } = setUp();
      const existing = aConsent();
      cases.requireForTeam.mockResolvedValue(aCase());
      consents.findActive.mockResolvedValue(existing);

      const view = await service.record({ caseId: existing.caseId, organisationId: existing.organisationId, purpose: existing.purpose }, anActor());

      expect(view.id).toBe(existing.id);
      expect(consents.create).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });

    it('names organisationId when the organisation does not exist', async () => {
      const { service, cases, rpc, consents } = setUp();
      cases.requireForTeam.mockResolvedValue(aCase());
      rpc.request.mockRejectedValue(new DomainError(ErrorCode.OrganisationNotFound, 'No organisation'));

      const error = await service
        .record({ caseId: randomUUID(), organisationId: randomUUID(), purpose: ConsentPurpose.Referral }, anActor())
        .catch((thrown: unknown) => thrown);

      expect(error).toMatchObject({ code: ErrorCode.OrganisationNotFound, fields: [{ field: 'organisationId', message: 'no such organisation' }] });
      expect(consents.create).not.toHaveBeenCalled();
    });

    it('refuses staff who are not caseworkers', async () => {
      const { service, cases } = setUp();

      const error = await service
        .record({ caseId: randomUUID(), organisationId: randomUUID(), purpose: ConsentPurpose.Referral }, anActor({ roles: [StaffRole.Analyst] }))
        .catch((thrown: unknown) => thrown);

      expect(error).toMatchObject({ code: ErrorCode.Forbidden });
      expect(cases.requireForTeam).not.toHaveBeenCalled();
    });
  });

  describe('check', () => {
    it('answers covered only for an active consent to the receiver, for a sender on the case team, with the case attributes', async () => {
      const { service, consents } = setUp();
      const record = aCase();
      const receivingOrganisationId = randomUUID();
      consents.findCaseWithCoverage.mockResolvedValueOnce({ case: record, covered: true }).mockResolvedValueOnce({ case: record, covered: false });
      const query = { caseId: record.id, receivingOrganisationId, purpose: ConsentPurpose.Referral };
      const sender = anActor({ organisationId: record.ownerOrganisationId });

      await expect(service.check(query, sender)).resolves.toEqual({
        covered: true,
        caseId: record.id,
        municipalityCode: '1862',
        targetGroup: 'disability',
        gender: 'female',
      });
      await expect(service.check(query, sender)).resolves.toMatchObject({ covered: false });
      expect(consents.findCaseWithCoverage).toHaveBeenCalledWith(record.id, receivingOrganisationId, 'referral');
    });

    it('says nothing about a case to a sender outside its team, nor about a case that does not exist', async () => {
      const { service, consents } = setUp();
      const record = aCase();
      const query = { caseId: record.id, receivingOrganisationId: randomUUID(), purpose: ConsentPurpose.Referral };
      consents.findCaseWithCoverage.mockResolvedValueOnce({ case: record, covered: true }).mockResolvedValueOnce(null);

      await expect(service.check(query, anActor())).rejects.toMatchObject({ code: ErrorCode.NotOnCaseTeam });
      await expect(service.check(query, anActor({ organisationId: record.ownerOrganisationId }))).rejects.toMatchObject({ code: ErrorCode.CaseNotFound });
    });
  });
});
