import { Injectable } from '@nestjs/common';
import type { SupportResourceStateData, UnitStateData } from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';

/** What statistics know of a support resource: whose it is, and where and what it gives. */
export interface KnownSupportResource {
  resourceId: string;
  organisationId: string;
  unitId: string;
  addressesNeeds: string[];
}

@Injectable()
export class DirectoryRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Inserts or moves the unit forward; an older or repeated version changes nothing. */
  async upsertUnitIfNewer(state: UnitStateData): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO units (unit_id, organisation_id, municipality_code, active, version, projected_at)
      VALUES (${state.unitId}::uuid, ${state.organisationId}::uuid, ${state.municipalityCode}, ${state.active}, ${state.version}, now())
      ON CONFLICT (unit_id) DO UPDATE SET
        organisation_id = EXCLUDED.organisation_id,
        municipality_code = EXCLUDED.municipality_code,
        active = EXCLUDED.active,
        version = EXCLUDED.version,
        projected_at = EXCLUDED.projected_at
      WHERE units.version < EXCLUDED.version`;
  }

  /** Inserts or moves the resource forward, with its needs; an older or repeated version changes nothing. */
  async upsertSupportResourceIfNewer(state: SupportResourceStateData): Promise<void> {
    const moved = await this.db.$queryRaw<Array<{ resourceId: string }>>`
      INSERT INTO support_resources (resource_id, organisation_id, unit_id, addresses_needs, active, version, projected_at)
      VALUES (${state.resourceId}::uuid, ${state.organisationId}::uuid, ${state.unitId}::uuid, ${state.addressesNeeds}::text[], ${state.active},
              ${state.version}, now())
      ON CONFLICT (resource_id) DO UPDATE SET
        organisation_id = EXCLUDED.organisation_id,
        unit_id = EXCLUDED.unit_id,
        addresses_needs = EXCLUDED.addresses_needs,
        active = EXCLUDED.active,
        version = EXCLUDED.version,
        projected_at = EXCLUDED.projected_at
      WHERE support_resources.version < EXCLUDED.version
      RETURNING resource_id AS "resourceId"`;
    if (moved.length === 0) return;
    await this.db.$executeRaw`DELETE FROM support_resource_needs WHERE resource_id = ${state.resourceId}::uuid`;
    await this.db.$executeRaw`
      INSERT INTO support_resource_needs (resource_id, need) SELECT ${state.resourceId}::uuid, need FROM unnest(${state.addressesNeeds}::text[]) AS need
      ON CONFLICT DO NOTHING`;
  }

  async findSupportResource(resourceId: string): Promise<KnownSupportResource | null> {
    const row = await this.db.supportResource.findUnique({ where: { resourceId } });
    return row ? { resourceId: row.resourceId, organisationId: row.organisationId, unitId: row.unitId, addressesNeeds: row.addressesNeeds } : null;
  }
}
