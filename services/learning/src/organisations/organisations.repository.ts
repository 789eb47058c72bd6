import { Injectable } from '@nestjs/common';
import { OrganisationType, type MunicipalityCode, type OrganisationStateData } from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';

/** What learning knows of an organisation: whether it is a municipality, and which it serves. */
export interface KnownOrganisation {
  organisationId: string;
  type: OrganisationType;
  municipalityCodes: MunicipalityCode[];
}

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Inserts or moves the organisation forward; an older or repeated version changes nothing. */
  async upsertIfNewer(state: OrganisationStateData): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO organisations (organisation_id, type, municipality_codes, active, version, projected_at)
      VALUES (${state.organisationId}::uuid, ${state.type}, ${state.municipalityCodes}::text[], ${state.active}, ${state.version}, now())
      ON CONFLICT (organisation_id) DO UPDATE SET
        type = EXCLUDED.type,
        municipality_codes = EXCLUDED.municipality_codes,
        active = EXCLUDED.active,
        version = EXCLUDED.version,
        projected_at = EXCLUDED.projected_at
      WHERE organisations.version < EXCLUDED.version`;
  }

  async find(organisationId: string): Promise<KnownOrganisation | null> {
    const row = await this.db.organisation.findUnique({ where: { organisationId } });
    return row
      ? { organisationId: row.organisationId, type: row.type as OrganisationType, municipalityCodes: row.municipalityCodes as MunicipalityCode[] }
      : null;
  }

  /** The organisations of type municipality that serve the code (a kommun serves its own), active or not. */
  async municipalityOrganisationIds(municipalityCode: MunicipalityCode): Promise<string[]> {
    const rows = await this.db.organisation.findMany({
      where: { type: OrganisationType.Municipality, municipalityCodes: { has: municipalityCode } },
      select: { organisationId: true },
      orderBy: { organisationId: 'asc' },
    });
    return rows.map((row) => row.organisationId);
  }
}
