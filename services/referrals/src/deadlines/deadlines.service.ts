import { Inject, Injectable } from '@nestjs/common';
import {
  assertRole,
  DomainError,
  ErrorCode,
  StaffRole,
  type ActorContext,
  type DeadlinePolicyView,
  type GetOrganisationDeadlinesQuery,
  type GetResourceDeadlinesQuery,
  type SetOrganisationDeadlinesCommand,
  type SetResourceDeadlinesCommand,
} from '@samverkan/contracts';
import { ActorsDirectory } from '@samverkan/messaging';
import type { ReferralsConfig } from '../config';
import { REFERRALS_CONFIG } from '../config.token';
import { DeadlinePoliciesRepository, type PolicyDays } from './deadline-policies.repository';

/**
 * The deadlines a receiver gives itself, in Swedish working days: to acknowledge and to answer a
 * referral from when it was sent, and to start from when it was accepted. A support resource's
 * own policy goes before its organisation's, which goes before the platform's defaults. Each
 * organisation's administrators and coordinators keep its policies.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly policies: DeadlinePoliciesRepository,
    private readonly directory: ActorsDirectory,
    @Inject(REFERRALS_CONFIG) private readonly config: Pick<ReferralsConfig, 'deadlines'>,
  ) {}

  /** The platform's days, for a receiver without a policy (and referrals sent before policies). */
  defaults(): PolicyDays {
    return this.config.deadlines.defaults;
  }

  /** The days that apply to a referral to this organisation (and resource). */
  async resolve(organisationId: string, resourceId: string | null): Promise<DeadlinePolicyView> {
    const found = await this.policies.find(organisationId, resourceId);
    return found
      ? { acknowledgeDays: found.acknowledgeDays, answerDays: found.answerDays, startDays: found.startDays, source: found.scope }
      : { ...this.config.deadlines.defaults, source: 'default' };
  }

  getForOrganisation(query: GetOrganisationDeadlinesQuery): Promise<DeadlinePolicyView> {
    return this.resolve(query.organisationId, null);
  }

  async getForResource(query: GetResourceDeadlinesQuery): Promise<DeadlinePolicyView> {
    const resource = await this.directory.requireSupportResource(query.resourceId, 'resourceId');
    return this.resolve(resource.organisationId, resource.id);
  }

  async setForOrganisation(command: SetOrganisationDeadlinesCommand, actor: ActorContext): Promise<DeadlinePolicyView> {
    this.assertKeeper(actor, command.organisationId);
    await this.policies.set('organisation', command.organisationId, days(command), actor.staffId);
    return this.resolve(command.organisationId, null);
  }

  async setForResource(command: SetResourceDeadlinesCommand, actor: ActorContext): Promise<DeadlinePolicyView> {
    const resource = await this.directory.requireSupportResource(command.resourceId, 'resourceId');
    this.assertKeeper(actor, resource.organisationId);
    await this.policies.set('support_resource', resource.id, days(command), actor.staffId);
    return this.resolve(resource.organisationId, resource.id);
  }

  private assertKeeper(actor: ActorContext, organisationId: string): void {
    assertRole(actor, StaffRole.Administrator, StaffRole.Coordinator);
    if (actor.organisationId !== organisationId) {
      throw new DomainError(ErrorCode.Forbidden, "Only the organisation's own administrators and coordinators set its deadlines");
    }
  }
}

const days = (body: PolicyDays): PolicyDays => ({ acknowledgeDays: body.acknowledgeDays, answerDays: body.answerDays, startDays: body.startDays });
