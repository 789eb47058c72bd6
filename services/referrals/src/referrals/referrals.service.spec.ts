import {
  DeclineReason,
  DomainError,
  ErrorCode,
  ReferralStatus,
  StaffRole,
  TargetGroup,
  type ConsentCheckResult,
  type OrganisationView,
} from '@samverkan/contracts';
import { ActorsDirectory, Outbox, RpcClient } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { aReferralRecord } from './referral.testing';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

const aReferral = aReferralRecord;

function consentCheck(covered: boolean, consentId: string = randomUUID()): ConsentCheckResult {
  return {
    covered,
    consentId: covered ? consentId : null,
    legalBasis: covered ? 'consent' : null,
    caseId: randomUUID(),
    municipalityCode: '1883',
    targetGroup: TargetGroup.ForeignBackground,
    gender: 'male',
  };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

// @Transactional needs a CLS context; in unit tests the methods run on their own.
jest.mock('@nestjs-cls/transactional', () => ({
  ...jest.requireActual('@nestjs-cls/transactional'),
  Transactional: () => () => undefined,
}));

describe('ReferralsService', () => {
  const setUp = () => {
    const repository = automock(ReferralsRepository);
    const rpc = automock(RpcClient);
    const outbox = automock(Outbox);
    // The events the service builds, as a plain record of what it asked for.
    outbox.envelope.mockImplementation((type, aggregate, data) => ({ type, subject: `${aggregate.type}/${aggregate.id}`, data }) as never);
    // Cases finds the consent holding, unless a test says otherwise.
    rpc.request.mockResolvedValue(consentCheck(true));
    const deadlines = automock(DeadlinesService);
    deadlines.resolve.mockResolvedValue({ acknowledgeDays: 2, answerDays: 10, startDays: 20, source: 'default' });
    deadlines.defaults.mockReturnValue({ acknowledgeDays: 2, answerDays: 10, startDays: 20 });
    const directory = new ActorsDirectory(rpc);
    // The receiver is a known, active organisation in the network, unless a test says otherwise.
    jest.spyOn(directory, 'requireOrganisation').mockResolvedValue({ active: true, inNetwork: true } as OrganisationView);
    const service = new ReferralsService(repository, rpc, outbox, deadlines, directory);
    return { service, repository, rpc, outbox, deadlines, directory };
  };

  describe('send', () => {
    it('marks a referral to an actor outside the network as external, with the fields chosen once each', async () => {
      const { service, repository, directory } = setUp();
      jest.spyOn(directory, 'requireOrganisation').mockResolvedValue({ active: true, inNetwork: false } as OrganisationView);
      repository.create.mockImplementation(async (record) => aReferral({ ...record, sentAt: new Date() }));

      const sent = await service.send({ caseId: randomUUID(), toOrganisationId: randomUUID(), sharedFields: ['name', 'gender'] }, anActor());

      expect(repository.create).toHaveBeenCalledWith(expect.objectContaining({ external: true, sharedFields: ['name', 'gender'] }), [
        expect.objectContaining({ data: expect.objectContaining({ external: true, sharedFields: ['name', 'gender'] }) }),
      ]);
      expect(sent).toMatchObject({ external: true, sharedFields: ['name', 'gender'] });
    });

    it('refuses a referral to an organisation that is no longer active, naming the field, and writes nothing', async () => {
      const { service, repository, directory } = setUp();
      jest.spyOn(directory, 'requireOrganisation').mockResolvedValue({ active: false, inNetwork: true } as OrganisationView);

      const error = await rejection(service.send({ caseId: randomUUID(), toOrganisationId: randomUUID() }, anActor()));

      expect(error.fields).toEqual([expect.objectContaining({ field: 'toOrganisationId' })]);
      expect(repository.create).not.toHaveBeenCalled();
    });

    it('refuses a referral when the consent does not cover the receiver, and writes nothing', async () => {
      const { service, repository, rpc } = setUp();
      rpc.request.mockResolvedValue(consentCheck(false));

      const error = await rejection(service.send({ caseId: randomUUID(), toOrganisationId: randomUUID() }, anActor()));

      expect(error.code).toBe(ErrorCode.ConsentDoesNotCoverReceiver);
      expect(error.fields).toEqual([expect.objectContaining({ field: 'toOrganisationId' })]);
      expect(repository.create).not.toHaveBeenCalled();
    });

    it('asks cases about consent for the purpose referral, from the sender to the receiver', async () => {
      const { service, repository, rpc } = setUp();
      const actor = anActor();
      const caseId = randomUUID();
      const toOrganisationId = randomUUID();
      rpc.request.mockResolvedValue(consentCheck(true));
      repository.create.mockImplementation(async (record) => aReferral({ ...record, sentAt: new Date() }));

      await service.send({ caseId, toOrganisationId }, actor);

      expect(rpc.request).toHaveBeenCalledWith('cases.check-consent', {
        caseId,
        receivingOrganisationId: toOrganisationId,
        purpose: 'referral',
      });
    });

    it('takes municipality, target group and gender from the case and announces the sent referral', async () => {
      const { service, repository, rpc } = setUp();
      rpc.request.mockResolvedValue(consentCheck(true));
      repository.create.mockImplementation(async (record) => aReferral({ ...record, sentAt: new Date() }));

      const view = await service.send({ caseId: randomUUID(), toOrganisationId: randomUUID() }, anActor());

      expect(view).toMatchObject({ status: 'sent', municipalityCode: '1883', targetGroup: 'foreign_background', version: 1 });
      // The referral and its event are written together, in one statement.
      expect(repository.create).toHaveBeenCalledWith(expect.objectContaining({ id: view.id }), [
        {
          type: 'referrals.events.referral.sent',
          subject: `referral/${view.id}`,
          data: expect.objectContaining({ referralId: view.id, gender: 'male', status: 'sent', version: 1 }),
        },
      ]);
    });

    it('records the consent cases named as the one the referral relies on', async () => {
      const { service, repository, rpc } = setUp();
      const consentId = randomUUID();
      rpc.request.mockResolvedValue(consentCheck(true, consentId));
      repository.create.mockImplementation(async (record) => aReferral({ ...record, sentAt: new Date() }));

      const view = await service.send({ caseId: randomUUID(), toOrganisationId: randomUUID() }, anActor());

      expect(repository.create).toHaveBeenCalledWith(expect.objectContaining({ consentId }), expect.anything());
      expect(view.consentId).toBe(consentId);
    });

    it('refuses a referral to the own organisation before asking anyone', async () => {
      const { service, rpc } = setUp();
      const actor = anActor();

      const error = await rejection(service.send({ caseId: randomUUID(), toOrganisationId: actor.organisationId }, actor));

      expect(error.code).toBe(ErrorCode.ReferralToSelf);
      expect(rpc.request).not.toHaveBeenCalled();
    });

    it('refuses staff without the caseworker role', async () => {
      const { service } = setUp();

      const error = await rejection(service.send({ caseId: randomUUID(), toOrganisationId: randomUUID() }, anActor({ roles: [StaffRole.Analyst] })));

      expect(error.code).toBe(ErrorCode.Forbidden);
    });
  });

  describe('accept and decline', () => {
    it('lets only the receiving organisation answer', async () => {
      const { service, repository } = setUp();
      const referral = aReferral();
      repository.findById.mockResolvedValue(referral);

      const bySender = await rejection(service.accept({ referralId: referral.id }, anActor({ organisationId: referral.fromOrganisationId })));
      const byStranger = await rejection(service.accept({ referralId: referral.id }, anActor()));

      expect(bySender.code).toBe(ErrorCode.NotReceiver);
      expect(byStranger.code).toBe(ErrorCode.Forbidden);
      expect(repository.transition).not.toHaveBeenCalled();
    });

    it('accepts a sent referral, bumps its version and announces it', async () => {
      const { service, repository } = setUp();
      const referral = aReferral();
      const actor = anActor({ organisationId: referral.toOrganisationId });
      repository.findById.mockResolvedValue(referral);
      repository.transition.mockResolvedValue({ ...referral, status: ReferralStatus.Accepted, version: 2, respondedAt: new Date() });

      const view = await service.accept({ referralId: referral.id }, actor);

      expect(repository.transition).toHaveBeenCalledWith(
        expect.objectContaining({ id: referral.id, status: 'accepted', respondedBy: actor.staffId, version: 2 }),
        1,
        [expect.objectContaining({ type: 'referrals.events.referral.accepted', data: expect.objectContaining({ status: 'accepted', version: 2 }) })],
      );
      expect(view).toMatchObject({ status: 'accepted', version: 2 });
    });

    it('refuses to answer a referral twice', async () => {
      const { service, repository } = setUp();
      const referral = aReferral({ status: ReferralStatus.Declined, declineReason: DeclineReason.NoCapacity, version: 2 });
      repository.findById.mockResolvedValue(referral);

      const error = await rejection(service.accept({ referralId: referral.id }, anActor({ organisationId: referral.toOrganisationId })));

      expect(error.code).toBe(ErrorCode.IllegalTransition);
      expect(repository.transition).not.toHaveBeenCalled();
    });

    it('reports the illegal transition when a concurrent answer won the race', async () => {
      const { service, repository } = setUp();
      const referral = aReferral();
      repository.findById.mockResolvedValueOnce(referral).mockResolvedValueOnce({ ...referral, status: ReferralStatus.Accepted, version: 2 });
      repository.transition.mockResolvedValue(null);

      const error = await rejection(
        service.decline({ referralId: referral.id, reason: DeclineReason.NotEligible }, anActor({ organisationId: referral.toOrganisationId })),
      );

      expect(error.code).toBe(ErrorCode.IllegalTransition);
    });

    it('answers an unknown referral with REFERRAL_NOT_FOUND', async () => {
      const { service, repository } = setUp();
      repository.findById.mockResolvedValue(null);

      const error = await rejection(service.accept({ referralId: randomUUID() }, anActor()));

      expect(error.code).toBe(ErrorCode.ReferralNotFound);
    });
  });

  describe('once the consent it relied on has ended', () => {
    const ended = () => {
      const context = setUp();
      context.rpc.request.mockResolvedValue(consentCheck(false));
      return context;
    };

    it('asks cases about that very consent, for the receiving organisation, on every read', async () => {
      const { service, repository, rpc } = setUp();
      const referral = aReferral();
      repository.findById.mockResolvedValue(referral);

      await service.get({ referralId: referral.id }, anActor({ organisationId: referral.toOrganisationId }));

      expect(rpc.request).toHaveBeenCalledWith('cases.check-consent', {
        caseId: referral.caseId,
        receivingOrganisationId: referral.toOrganisationId,
        purpose: 'referral',
        consentId: referral.consentId,
      });
    });

    it('refuses to show the referral to either organisation', async () => {
      const { service, repository } = ended();
      const referral = aReferral();
      repository.findById.mockResolvedValue(referral);

      for (const organisationId of [referral.fromOrganisationId, referral.toOrganisationId]) {
        const error = await rejection(service.get({ referralId: referral.id }, anActor({ organisationId })));
        expect(error.code).toBe(ErrorCode.ConsentNotActive);
        expect(error.kind).toBe('forbidden');
      }
    });

    it('refuses an accept or a decline and writes nothing, even before the referral is withdrawn', async () => {
      const { service, repository } = ended();
      const referral = aReferral();
      repository.findById.mockResolvedValue(referral);
      const receiver = anActor({ organisationId: referral.toOrganisationId });

      expect((await rejection(service.accept({ referralId: referral.id }, receiver))).code).toBe(ErrorCode.ConsentNotActive);
      expect((await rejection(service.decline({ referralId: referral.id, reason: DeclineReason.Other }, receiver))).code).toBe(ErrorCode.ConsentNotActive);
      expect(repository.transition).not.toHaveBeenCalled();
    });

    it('answers a withdrawn referral with the consent refusal, not with its state', async () => {
      const { service, repository } = ended();
      const referral = aReferral({ status: ReferralStatus.Withdrawn, withdrawalReason: 'consent_withdrawn', withdrawnAt: new Date(), version: 2 });
      repository.findById.mockResolvedValue(referral);

      const error = await rejection(service.accept({ referralId: referral.id }, anActor({ organisationId: referral.toOrganisationId })));

      expect(error.code).toBe(ErrorCode.ConsentNotActive);
    });

    it('asks about any consent covering the receiver for a referral sent before consents were recorded on referrals', async () => {
      const { service, repository, rpc } = ended();
      const referral = aReferral({ consentId: null });
      repository.findById.mockResolvedValue(referral);

      const error = await rejection(service.get({ referralId: referral.id }, anActor({ organisationId: referral.fromOrganisationId })));

      expect(error.code).toBe(ErrorCode.ConsentNotActive);
      expect(rpc.request).toHaveBeenCalledWith('cases.check-consent', {
        caseId: referral.caseId,
        receivingOrganisationId: referral.toOrganisationId,
        purpose: 'referral',
      });
    });

    it('refuses nobody else first: a stranger learns only that the referral is not theirs', async () => {
      const { service, repository, rpc } = ended();
      const referral = aReferral();
      repository.findById.mockResolvedValue(referral);

      expect((await rejection(service.get({ referralId: referral.id }, anActor()))).code).toBe(ErrorCode.Forbidden);
      expect((await rejection(service.accept({ referralId: referral.id }, anActor()))).code).toBe(ErrorCode.Forbidden);
      expect(rpc.request).not.toHaveBeenCalled();
    });
  });

  describe('get', () => {
    it('shows a referral only to the sending and the receiving organisation', async () => {
      const { service, repository } = setUp();
      const referral = aReferral();
      repository.findById.mockResolvedValue(referral);

      await expect(service.get({ referralId: referral.id }, anActor({ organisationId: referral.fromOrganisationId }))).resolves.toMatchObject({
        id: referral.id,
      });
      await expect(service.get({ referralId: referral.id }, anActor({ organisationId: referral.toOrganisationId }))).resolves.toMatchObject({
        id: referral.id,
      });
      expect((await rejection(service.get({ referralId: referral.id }, anActor()))).code).toBe(ErrorCode.Forbidden);
    });
  });
});
