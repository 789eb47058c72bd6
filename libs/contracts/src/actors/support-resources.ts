import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQuery } from '../pagination';
import { TargetGroup } from '../vocabulary';

export class ListSupportResourcesQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsIn(Object.values(TargetGroup))
  targetGroup?: TargetGroup;
}

export class SupportResourceView {
  @IsUUID()
  id!: string;

  @IsUUID()
  organisationId!: string;

  @IsString()
  name!: string;

  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups!: TargetGroup[];

  /** Support needs the resource is accessible for, e.g. `wheelchair`, `easy_swedish`. */
  @IsString({ each: true })
  accessibility!: string[];
}
