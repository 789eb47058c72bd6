import { Injectable } from '@nestjs/common';
import {
  defaultPageSize,
  EventType,
  normaliseOrganisationNumber,
  type ActorContext,
  type CreateOrganisationCommand,
  type CreateUnitCommand,
  type ListOrganisationsQuery,
  type ListUnitsQuery,
  type OrganisationView,
  type Page,
  type UnitView,
  type UpdateOrganisationCommand,
  type UpdateUnitCommand,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { ActorsTransactional } from '../database';
import { assertMaintainsOrganisation, assertRegionalAdministrator } from '../directory/access';
import type { OrganisationRecord, UnitRecord } from '../directory/records';
import { organisationNotFound, unitNotFound } from './organisations.errors';
import { OrganisationsRepository } from './organisations.repository';
import { organisationState, unitState } from '../directory/states';

export function toOrganisationView(record: OrganisationRecord): OrganisationView {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    organisationNumber: record.organisationNumber,
    municipalityCodes: record.municipalityCodes,
    description: record.description,
    website: record.website,
    active: record.active,
    inNetwork: record.inNetwork,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function toUnitView(record: UnitRecord): UnitView {
  return { ...record };
}

const nullable = <T>(value: T | null | undefined): T | null | undefined => (value === undefined ? undefined : (value ?? null));

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.organisations.list({
      type: query.type,
      municipalityCode: query.municipalityCode,
      active: query.active,
      after: decodeCursor(query.after),
      take: limit + 1,
    });
    return toPage(rows, limit, toOrganisationView, (row) => ({ key: row.name, id: row.id }));
  }

  async get(organisationId: string): Promise<OrganisationView> {
    return toOrganisationView(await this.require(organisationId));
  }

  async require(organisationId: string): Promise<OrganisationRecord> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw organisationNotFound(organisationId);
    return organisation;
  }

  @ActorsTransactional()
  async create(command: CreateOrganisationCommand, actor: ActorContext): Promise<OrganisationView> {
    assertRegionalAdministrator(actor, (await this.organisations.findById(actor.organisationId))?.type);
    const organisation = await this.organisations.create({
      id: uuidv7(),
      name: command.name.trim(),
      type: command.type,
      organisationNumber: normaliseOrganisationNumber(command.organisationNumber),
      municipalityCodes: [...command.municipalityCodes].sort(),
      description: command.description?.trim() || null,
      website: command.website ?? null,
      inNetwork: command.inNetwork ?? true,
    });
    await this.outbox.add(EventType.OrganisationRegistered, { type: 'organisation', id: organisation.id }, organisationState(organisation));
    return toOrganisationView(organisation);
  }

  @ActorsTransactional()
  async update(command: UpdateOrganisationCommand, actor: ActorContext): Promise<OrganisationView> {
    assertMaintainsOrganisation(actor, command.organisationId);
    const updated = await this.organisations.update(command.organisationId, {
      name: command.name?.trim(),
      organisationNumber: command.organisationNumber ? normaliseOrganisationNumber(command.organisationNumber) : undefined,
      municipalityCodes: command.municipalityCodes ? [...command.municipalityCodes].sort() : undefined,
      description: command.description === undefined ? undefined : command.description?.trim() || null,
      website: nullable(command.website),
      active: command.active,
      inNetwork: command.inNetwork,
    });
    if (!updated) throw organisationNotFound(command.organisationId);
    await this.outbox.add(EventType.OrganisationUpdated, { type: 'organisation', id: updated.id }, organisationState(updated));
    return toOrganisationView(updated);
  }

  // ------------------------------------------------------------------------------------------
  // Units

  async listUnits(query: ListUnitsQuery): Promise<Page<UnitView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.organisations.listUnits({
      organisationId: query.organisationId,
      municipalityCode: query.municipalityCode,
      active: query.active,
      after: decodeCursor(query.after),
      take: limit + 1,
    });
    return toPage(rows, limit, toUnitView, (row) => ({ key: row.name, id: row.id }));
  }

  async getUnit(unitId: string): Promise<UnitView> {
    const unit = await this.organisations.findUnit(unitId);
    if (!unit) throw unitNotFound(unitId);
    return toUnitView(unit);
  }

  @ActorsTransactional()
  async createUnit(command: CreateUnitCommand, actor: ActorContext): Promise<UnitView> {
    assertMaintainsOrganisation(actor, command.organisationId);
    await this.require(command.organisationId);
    const unit = await this.organisations.createUnit({
      id: uuidv7(),
      organisationId: command.organisationId,
      name: command.name.trim(),
      municipalityCode: command.municipalityCode ?? null,
      email: command.email ?? null,
      phone: command.phone ?? null,
      address: command.address ?? null,
    });
    await this.outbox.add(EventType.UnitRegistered, { type: 'unit', id: unit.id }, unitState(unit));
    return toUnitView(unit);
  }

  @ActorsTransactional()
  async updateUnit(command: UpdateUnitCommand, actor: ActorContext): Promise<UnitView> {
    const unit = await this.organisations.findUnit(command.unitId);
    if (!unit) throw unitNotFound(command.unitId);
    assertMaintainsOrganisation(actor, unit.organisationId);
    const updated = await this.organisations.updateUnit(unit.id, {
      name: command.name?.trim(),
      municipalityCode: nullable(command.municipalityCode),
      email: nullable(command.email),
      phone: nullable(command.phone),
      address: nullable(command.address),
      active: command.active,
    });
    if (!updated) throw unitNotFound(command.unitId);
    await this.outbox.add(EventType.UnitUpdated, { type: 'unit', id: updated.id }, unitState(updated));
    return toUnitView(updated);
  }

  /** The unit, when it is one of the actor's own organisation (for staff and resources placed in it). */
  async requireOwnUnit(unitId: string, actor: ActorContext): Promise<UnitRecord> {
    const unit = await this.organisations.findUnit(unitId);
    if (!unit) throw unitNotFound(unitId);
    assertMaintainsOrganisation(actor, unit.organisationId);
    return unit;
  }
}
