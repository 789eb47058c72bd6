import { Injectable } from '@nestjs/common';
import type { PlanStepStatus, PlanStepView, SupportNeed } from '@samverkan/contracts';
import { fromDateColumn, toDateColumn } from '@samverkan/platform';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import type { PlanStep } from '../generated/prisma/client';

export type PlanStepRecord = PlanStepView;

export interface PlanStepDates {
  plannedStart?: string;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
}

const optionalDate = (value: Date | null) => (value ? fromDateColumn(value) : null);

function toRecord(row: PlanStep): PlanStepRecord {
  return {
    id: row.id,
    caseId: row.caseId,
    supportResourceId: row.supportResourceId,
    responsibleUnitId: row.responsibleUnitId,
    responsibleOrganisationId: row.responsibleOrganisationId,
    supportNeeds: row.supportNeeds as SupportNeed[],
    plannedStart: fromDateColumn(row.plannedStart),
    plannedEnd: optionalDate(row.plannedEnd),
    actualStart: optionalDate(row.actualStart),
    actualEnd: optionalDate(row.actualEnd),
    status: row.status as PlanStepStatus,
    version: row.version,
  };
}

const dateColumn = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : toDateColumn(value));

@Injectable()
export class PlanStepsRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async add(step: Omit<PlanStepRecord, 'version' | 'actualStart' | 'actualEnd'> & { createdBy: string }): Promise<PlanStepRecord> {
    const row = await this.db.planStep.create({
      data: {
        ...step,
        plannedStart: toDateColumn(step.plannedStart),
        plannedEnd: dateColumn(step.plannedEnd),
      },
    });
    return toRecord(row);
  }

  async get(caseId: string, stepId: string): Promise<PlanStepRecord | null> {
    const row = await this.db.planStep.findFirst({ where: { id: stepId, caseId } });
    return row ? toRecord(row) : null;
  }

  /** Changes the step if it is still at `version`; null when someone changed it first. */
  async update(stepId: string, version: number, change: PlanStepDates & { status?: PlanStepStatus }): Promise<PlanStepRecord | null> {
    const [row] = await this.db.planStep.updateManyAndReturn({
      where: { id: stepId, version },
      data: {
        status: change.status,
        plannedStart: dateColumn(change.plannedStart) ?? undefined,
        plannedEnd: dateColumn(change.plannedEnd),
        actualStart: dateColumn(change.actualStart),
        actualEnd: dateColumn(change.actualEnd),
        version: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    return row ? toRecord(row) : null;
  }

  async ofCase(caseId: string): Promise<PlanStepRecord[]> {
    const rows = await this.db.planStep.findMany({ where: { caseId }, orderBy: [{ plannedStart: 'asc' }, { id: 'asc' }] });
    return rows.map(toRecord);
  }
}
