import { Injectable } from '@nestjs/common';
import type { Cursor } from '@samverkan/platform';
import type { MunicipalityCode, ProjectStatus } from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import type { Prisma } from '../generated/prisma/client';
import type { ProjectContent, ProjectRecord } from './project-record';

export interface ProjectFilter {
  municipalityCode?: MunicipalityCode;
  status?: ProjectStatus;
  /** The newest-first page continues after this project. */
  after?: Cursor;
  take: number;
}

const withLists = {
  partners: { orderBy: { position: 'asc' } },
  municipalities: { orderBy: { municipalityCode: 'asc' } },
} as const satisfies Prisma.ProjectInclude;

type ProjectRow = Prisma.ProjectGetPayload<{ include: typeof withLists }>;

const day = (date: Date | null): string | null => (date === null ? null : date.toISOString().slice(0, 10));
const kronor = (amount: bigint | null): number | null => (amount === null ? null : Number(amount));

function toRecord(row: ProjectRow): ProjectRecord {
  return {
    id: row.id,
    projectKey: row.projectKey,
    projectNumber: row.projectNumber,
    title: row.title,
    programmeArea: row.programmeArea,
    phase: row.phase,
    owner: row.ownerName === null ? null : { name: row.ownerName, organisationId: row.ownerOrganisationId },
    grantedEsfSupportKronor: kronor(row.grantedEsfKronor),
    totalBudgetKronor: kronor(row.totalBudgetKronor),
    periodStart: day(row.periodStart),
    periodEnd: day(row.periodEnd),
    region: row.region,
    summary: row.summary,
    summaryEnglish: row.summaryEnglish,
    background: row.background,
    goals: row.goals,
    targetGroups: row.targetGroupsText,
    accessibility: row.accessibility,
    genderEquality: row.genderEquality,
    transnationalCooperation: row.transnationalCooperation,
    partners: row.partners.map((partner) => ({ name: partner.name, organisationId: partner.organisationId })),
    municipalityCodes: row.municipalities.map((municipality) => municipality.municipalityCode as MunicipalityCode),
    status: row.status as ProjectStatus,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    importedBy: row.importedBy,
  };
}

@Injectable()
export class ProjectsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * Inserts the project, or updates the one with its key to a new version: one statement, so two
   * imports of the same page at once cannot both insert. Partners and municipalities are replaced;
   * the status is the project's own once stored (set by its owner or an analyst), which a new
   * import of the page leaves as it is.
   */
  async upsert(id: string, content: ProjectContent, status: ProjectStatus, importedBy: string): Promise<{ record: ProjectRecord; created: boolean }> {
    const [stored] = await this.db.$queryRaw<{ id: string; created: boolean }[]>`
      INSERT INTO projects (id, project_key, project_number, title, programme_area, phase, owner_name, owner_organisation_id,
                            granted_esf_kronor, total_budget_kronor, period_start, period_end, region, summary, summary_english,
                            background, goals, target_groups_text, accessibility, gender_equality, transnational_cooperation,
                            status, version, created_at, updated_at, imported_by)
      VALUES (${id}::uuid, ${content.projectKey}, ${content.projectNumber}, ${content.title}, ${content.programmeArea}, ${content.phase},
              ${content.owner?.name ?? null}, ${content.owner?.organisationId ?? null}::uuid,
              ${content.grantedEsfSupportKronor}::bigint, ${content.totalBudgetKronor}::bigint,
              ${content.periodStart}::date, ${content.periodEnd}::date, ${content.region}, ${content.summary}, ${content.summaryEnglish},
              ${content.background}, ${content.goals}, ${content.targetGroups}, ${content.accessibility}, ${content.genderEquality},
              ${content.transnationalCooperation}, ${status}, 1, now(), now(), ${importedBy}::uuid)
      ON CONFLICT (project_key) DO UPDATE SET
        project_number = EXCLUDED.project_number,
        title = EXCLUDED.title,
        programme_area = EXCLUDED.programme_area,
        phase = EXCLUDED.phase,
        owner_name = EXCLUDED.owner_name,
        owner_organisation_id = EXCLUDED.owner_organisation_id,
        granted_esf_kronor = EXCLUDED.granted_esf_kronor,
        total_budget_kronor = EXCLUDED.total_budget_kronor,
        period_start = EXCLUDED.period_start,
        period_end = EXCLUDED.period_end,
        region = EXCLUDED.region,
        summary = EXCLUDED.summary,
        summary_english = EXCLUDED.summary_english,
        background = EXCLUDED.background,
        goals = EXCLUDED.goals,
        target_groups_text = EXCLUDED.target_groups_text,
        accessibility = EXCLUDED.accessibility,
        gender_equality = EXCLUDED.gender_equality,
        transnational_cooperation = EXCLUDED.transnational_cooperation,
        version = projects.version + 1,
        updated_at = EXCLUDED.updated_at,
        imported_by = EXCLUDED.imported_by
      RETURNING id, (xmax = 0) AS created`;
    if (!stored) throw new Error('the project upsert returned no row');

    await this.replaceLists(stored.id, content);
    const record = await this.findById(stored.id);
    if (!record) throw new Error('the upserted project could not be read back');
    return { record, created: stored.created };
  }

  /**
   * Writes an edit if the project is still at `version`, moving it to the next version; null when
   * someone else changed it first. Partners and municipalities are replaced.
   */
  async update(id: string, version: number, content: ProjectContent, status: ProjectStatus): Promise<ProjectRecord | null> {
    const { count } = await this.db.project.updateMany({
      where: { id, version },
      data: {
        projectNumber: content.projectNumber,
        title: content.title,
        programmeArea: content.programmeArea,
        phase: content.phase,
        ownerName: content.owner?.name ?? null,
        ownerOrganisationId: content.owner?.organisationId ?? null,
        grantedEsfKronor: content.grantedEsfSupportKronor === null ? null : BigInt(content.grantedEsfSupportKronor),
        totalBudgetKronor: content.totalBudgetKronor === null ? null : BigInt(content.totalBudgetKronor),
        periodStart: content.periodStart === null ? null : new Date(`${content.periodStart}T00:00:00Z`),
        periodEnd: content.periodEnd === null ? null : new Date(`${content.periodEnd}T00:00:00Z`),
        region: content.region,
        summary: content.summary,
        summaryEnglish: content.summaryEnglish,
        background: content.background,
        goals: content.goals,
        targetGroupsText: content.targetGroups,
        accessibility: content.accessibility,
        genderEquality: content.genderEquality,
        transnationalCooperation: content.transnationalCooperation,
        status,
        version: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    if (count === 0) return null;
    await this.replaceLists(id, content);
    return this.findById(id);
  }

  private async replaceLists(projectId: string, content: Pick<ProjectContent, 'partners' | 'municipalityCodes'>): Promise<void> {
    await this.db.projectPartner.deleteMany({ where: { projectId } });
    await this.db.projectMunicipality.deleteMany({ where: { projectId } });
    await this.db.projectPartner.createMany({
      data: content.partners.map((partner, position) => ({ projectId, position, name: partner.name, organisationId: partner.organisationId })),
    });
    await this.db.projectMunicipality.createMany({
      data: content.municipalityCodes.map((municipalityCode) => ({ projectId, municipalityCode })),
    });
  }

  async findById(id: string): Promise<ProjectRecord | null> {
    const row = await this.db.project.findUnique({ where: { id }, include: withLists });
    return row ? toRecord(row) : null;
  }

  /** Newest first, by creation time and then id. */
  async list(filter: ProjectFilter): Promise<ProjectRecord[]> {
    const after = filter.after;
    const rows = await this.db.project.findMany({
      where: {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.municipalityCode ? { municipalities: { some: { municipalityCode: filter.municipalityCode } } } : {}),
        ...(after ? { OR: [{ createdAt: { lt: new Date(after.key) } }, { createdAt: new Date(after.key), id: { lt: after.id } }] } : {}),
      },
      include: withLists,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }
}
