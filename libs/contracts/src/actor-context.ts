import { ArrayNotEmpty, IsArray, IsIn, IsUUID } from 'class-validator';
import { StaffRole } from './vocabulary';

/**
 * Who is acting: the authenticated staff member and the organisation unit they act for.
 * The gateway fills it from the verified token; services authorise against it.
 */
export class ActorContext {
  @IsUUID()
  staffId!: string;

  @IsUUID()
  organisationId!: string;

  @IsUUID()
  unitId!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(Object.values(StaffRole), { each: true })
  roles!: StaffRole[];
}
