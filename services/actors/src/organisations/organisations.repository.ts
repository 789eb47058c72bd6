import { Injectable } from '@nestjs/common';
import type { MunicipalityCode, OrganisationType } from '@samverkan/contracts';
import { isUniqueViolation, uniqueViolationTarget } from '@samverkan/messaging';
import type { Cursor } from '@samverkan/platform';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { Address, OrganisationRecord, UnitRecord } from '../directory/records';
import type { Organisation, Unit } from '../generated/prisma/client';
import { organisationNameTaken, organisationNumberTaken, unitNameTaken } from './organisations.errors';

export interface OrganisationFilter {
  type?: OrganisationType;
  municipalityCode?: MunicipalityCode;
  active?: boolean;
  after?: Cursor;
  take: number;
}

export interface UnitFilter {
  organisationId?: string;
  municipalityCode?: MunicipalityCode;
  active?: boolean;
  after?: Cursor;
  take: number;
}

export type OrganisationChanges = Partial<
  Pick<OrganisationRecord, 'name' | 'organisationNumber' | 'municipalityCodes' | 'description' | 'website' | 'active' | 'inNetwork'>
>;
export type UnitChanges = Partial<Pick<UnitRecord, 'name' | 'municipalityCode' | 'email' | 'phone' | 'address' | 'active'>>;

function toOrganisationRecord(row: Organisation): OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type as OrganisationType,
    organisationNumber: row.organisationNumber,
    municipalityCodes: row.municipalityCodes as MunicipalityCode[],
    description: row.description,
    website: row.website,
    active: row.active,
    inNetwork: row.inNetwork,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toUnitRecord(row: Unit): UnitRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    municipalityCode: row.municipalityCode as MunicipalityCode | null,
    email: row.email,
    phone: row.phone,
    address: row.street && row.postalCode && row.city ? { street: row.street, postalCode: row.postalCode, city: row.city } : null,
    active: row.active,
    version: row.version,
  };
}

/** The address as the table's three columns; null clears them, undefined leaves them. */
export function addressColumns(address: Address | null | undefined): { street?: string | null; postalCode?: string | null; city?: string | null } {
  if (address === undefined) return {};
  return { street: address?.street ?? null, postalCode: address?.postalCode ?? null, city: address?.city ?? null };
}

function uniqueViolationOf(error: unknown, name: string, organisationNumber?: string | null): unknown {
  if (!isUniqueViolation(error)) return error;
  const target = uniqueViolationTarget(error);
  return organisationNumber && target.includes('organisation_number') ? organisationNumberTaken(organisationNumber) : organisationNameTaken(name);
}

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async findById(id: string): Promise<OrganisationRecord | null> {
    const row = await this.db.organisation.findUnique({ where: { id } });
    return row ? toOrganisationRecord(row) : null;
  }

  async findAll(): Promise<OrganisationRecord[]> {
    return (await this.db.organisation.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map(toOrganisationRecord);
  }

  /** Sorted by name, then id; `after` continues after the given row (keyset pagination). */
  async list(filter: OrganisationFilter): Promise<OrganisationRecord[]> {
    const rows = await this.db.organisation.findMany({
      where: {
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.municipalityCode ? { municipalityCodes: { has: filter.municipalityCode } } : {}),
        ...(filter.active === undefined ? {} : { active: filter.active }),
        ...(filter.after ? { OR: [{ name: { gt: filter.after.key } }, { name: filter.after.key, id: { gt: filter.after.id } }] } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toOrganisationRecord);
  }

  /** Throws ORGANISATION_NAME_TAKEN or ORGANISATION_NUMBER_TAKEN when either is in use (the unique indexes decide). */
  async create(organisation: Omit<OrganisationRecord, 'createdAt' | 'updatedAt' | 'version' | 'active'>): Promise<OrganisationRecord> {
    try {
      return toOrganisationRecord(await this.db.organisation.create({ data: organisation }));
    } catch (error) {
      throw uniqueViolationOf(error, organisation.name, organisation.organisationNumber);
    }
  }

  /** Applies the changes and moves the version on by one; null when there is no such organisation. */
  async update(id: string, changes: OrganisationChanges): Promise<OrganisationRecord | null> {
    try {
      const updated = await this.db.organisation.updateManyAndReturn({
        where: { id },
        data: { ...changes, version: { increment: 1 }, updatedAt: new Date() },
      });
      return updated[0] ? toOrganisationRecord(updated[0]) : null;
    } catch (error) {
      throw uniqueViolationOf(error, changes.name ?? '', changes.organisationNumber);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Units

  async findUnit(id: string): Promise<UnitRecord | null> {
    const row = await this.db.unit.findUnique({ where: { id } });
    return row ? toUnitRecord(row) : null;
  }

  async findUnits(ids: string[]): Promise<UnitRecord[]> {
    return (await this.db.unit.findMany({ where: { id: { in: ids } } })).map(toUnitRecord);
  }

  async findAllUnits(): Promise<UnitRecord[]> {
    return (await this.db.unit.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map(toUnitRecord);
  }

  /** Sorted by name, then id (keyset pagination). */
  async listUnits(filter: UnitFilter): Promise<UnitRecord[]> {
    const rows = await this.db.unit.findMany({
      where: {
        ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
        ...(filter.municipalityCode ? { municipalityCode: filter.municipalityCode } : {}),
        ...(filter.active === undefined ? {} : { active: filter.active }),
        ...(filter.after ? { OR: [{ name: { gt: filter.after.key } }, { name: filter.after.key, id: { gt: filter.after.id } }] } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toUnitRecord);
  }

  async createUnit(unit: Omit<UnitRecord, 'version' | 'active'>): Promise<UnitRecord> {
    const { address, ...rest } = unit;
    try {
      return toUnitRecord(await this.db.unit.create({ data: { ...rest, ...addressColumns(address) } }));
    } catch (error) {
      throw isUniqueViolation(error) ? unitNameTaken(unit.name) : error;
    }
  }

  async updateUnit(id: string, changes: UnitChanges): Promise<UnitRecord | null> {
    const { address, ...rest } = changes;
    try {
      const updated = await this.db.unit.updateManyAndReturn({
        where: { id },
        data: { ...rest, ...addressColumns(address), version: { increment: 1 }, updatedAt: new Date() },
      });
      return updated[0] ? toUnitRecord(updated[0]) : null;
    } catch (error) {
      throw isUniqueViolation(error) ? unitNameTaken(changes.name ?? '') : error;
    }
  }
}
