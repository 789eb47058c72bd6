import { Injectable } from '@nestjs/common';
import {
  defaultPageSize,
  EventType,
  type ActorContext,
  type AddCompetenceCommand,
  type CompetenceView,
  type ListCompetencesQuery,
  type Page,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, toPage } from '@samverkan/platform';
import { ActorsTransactional } from '../database';
import { assertRegionalAdministrator } from '../directory/access';
import type { CompetenceRecord } from '../directory/records';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { unknownCompetences } from './competences.errors';
import { CompetencesRepository } from './competences.repository';

const toView = (record: CompetenceRecord): CompetenceView => ({ ...record });

/** The competence catalogue: data the region extends without a release. */
@Injectable()
export class CompetencesService {
  constructor(
    private readonly competences: CompetencesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListCompetencesQuery): Promise<Page<CompetenceView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.competences.list({ need: query.need, afterCode: decodeCursor(query.after)?.id, take: limit + 1 });
    return toPage(rows, limit, toView, (row) => ({ key: '', id: row.code }));
  }

  @ActorsTransactional()
  async add(command: AddCompetenceCommand, actor: ActorContext): Promise<CompetenceView> {
    assertRegionalAdministrator(actor, (await this.organisations.findById(actor.organisationId))?.type);
    const competence = await this.competences.add({
      code: command.code,
      name: command.name.trim(),
      description: command.description?.trim() || null,
      addressesNeeds: command.addressesNeeds,
      targetGroups: command.targetGroups ?? [],
    });
    await this.outbox.add(
      EventType.CompetenceAdded,
      { type: 'competence', id: competence.code },
      { code: competence.code, name: competence.name, addressesNeeds: competence.addressesNeeds, targetGroups: competence.targetGroups },
    );
    return toView(competence);
  }

  /** Refuses codes the catalogue does not have, naming the field and the codes. */
  async assertKnown(codes: string[] | undefined, field: string): Promise<void> {
    if (!codes || codes.length === 0) return;
    const known = await this.competences.existingCodes(codes);
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw unknownCompetences(field, unknown);
  }
}
