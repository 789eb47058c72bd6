import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventType } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { StartupTasks } from '@samverkan/platform';
import { ClsService } from 'nestjs-cls';
import type { ActorsConfig } from '../config';
import { ACTORS_CONFIG } from '../config.token';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import { organisationState, resourceState, staffState, unitState, workplaceState } from '../directory/states';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { DemoDataRepository } from './demo-data.repository';
import type { DemoDirectory } from './demo-directory';
import { demoDirectory } from './orebro-lan';

export interface SeedResult {
  competences: number;
  organisations: number;
  units: number;
  staff: number;
  supportResources: number;
  workplaces: number;
}

/**
 * Seeds the Örebro län demo directory when configured to, in one transaction with the events
 * that announce every entry. Only what is missing is added (by id), so it is safe on every start
 * and with several replicas; an organisation seeded before the directory kept organisation
 * numbers gets its number, and nothing a user changed is overwritten. Readiness waits for it.
 */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    @Inject(ACTORS_CONFIG) private readonly config: ActorsConfig,
    private readonly repository: DemoDataRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly outbox: Outbox,
    @InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost,
    private readonly cls: ClsService,
    private readonly startup: StartupTasks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const added = await this.startup.track('demo-data', this.seed());
    this.logger.log({ added }, Object.values(added).some((count) => count > 0) ? 'seeded the Örebro län demo directory' : 'demo directory already present');
  }

  seed(directory: DemoDirectory = demoDirectory): Promise<SeedResult> {
    return this.cls.run(() =>
      this.txHost.withTransaction(async () => {
        await this.repository.lockForSeeding();
        const existing = await this.repository.existingIds(directory.organisations, directory.competences);
        const missing = <T>(items: T[], id: (item: T) => string, present: Set<string>) => items.filter((item) => !present.has(id(item)));

        const competences = missing(directory.competences, (competence) => competence.code, existing.competences);
        const organisations = missing(directory.organisations, (org) => org.id, existing.organisations);
        const units = missing(
          directory.organisations.flatMap((org) => org.units.map((unit) => ({ ...unit, organisationId: org.id }))),
          (unit) => unit.id,
          existing.units,
        );
        const staff = missing(
          directory.organisations.flatMap((org) =>
            org.units.flatMap((unit) => unit.staff.map((member) => ({ ...member, organisationId: org.id, unitId: unit.id }))),
          ),
          (member) => member.id,
          existing.staff,
        );
        const resources = missing(
          directory.organisations.flatMap((org) => org.supportResources.map((resource) => ({ ...resource, organisationId: org.id }))),
          (resource) => resource.id,
          existing.supportResources,
        );
        const workplaces = missing(
          directory.organisations.flatMap((org) => org.workplaces.map((workplace) => ({ ...workplace, organisationId: org.id }))),
          (workplace) => workplace.id,
          existing.workplaces,
        );

        await this.repository.insertCompetences(competences);
        await this.repository.insertOrganisations(organisations);
        await this.repository.insertUnits(units);
        await this.repository.insertStaff(staff.map(({ displayName, email, ...member }) => ({ ...member, displayName, email })));
        await this.repository.insertSupportResources(resources);
        await this.repository.insertWorkplaces(workplaces);

        const initial = { active: true, version: 1 } as const;
        for (const competence of competences) {
          await this.outbox.add(
            EventType.CompetenceAdded,
            { type: 'competence', id: competence.code },
            {
              code: competence.code,
              name: competence.name,
              addressesNeeds: competence.addressesNeeds,
              targetGroups: competence.targetGroups,
            },
          );
        }
        for (const org of organisations) {
          await this.outbox.add(
            EventType.OrganisationRegistered,
            { type: 'organisation', id: org.id },
            organisationState({ ...org, ...initial, createdAt: new Date(), updatedAt: new Date() }),
          );
        }
        for (const unit of units) await this.outbox.add(EventType.UnitRegistered, { type: 'unit', id: unit.id }, unitState({ ...unit, ...initial }));
        for (const member of staff)
          await this.outbox.add(EventType.StaffMemberRegistered, { type: 'staff-member', id: member.id }, staffState({ ...member, ...initial }));
        for (const resource of resources) {
          await this.outbox.add(EventType.SupportResourceRegistered, { type: 'support-resource', id: resource.id }, resourceState({ ...resource, ...initial }));
        }
        for (const workplace of workplaces) {
          await this.outbox.add(EventType.WorkplaceRegistered, { type: 'workplace', id: workplace.id }, workplaceState({ ...workplace, ...initial }));
        }

        for (const org of directory.organisations.filter((candidate) => existing.organisations.has(candidate.id))) {
          if (!(await this.repository.fillInOrganisationNumber(org.id, org.organisationNumber))) continue;
          const updated = await this.organisations.findById(org.id);
          if (updated) await this.outbox.add(EventType.OrganisationUpdated, { type: 'organisation', id: org.id }, organisationState(updated));
        }

        return {
          competences: competences.length,
          organisations: organisations.length,
          units: units.length,
          staff: staff.length,
          supportResources: resources.length,
          workplaces: workplaces.length,
        };
      }),
    );
  }
}
