import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { catalogueCodePattern, IsOmittable } from '../field-rules';
import { PageQuery } from '../pagination';
import { SupportNeed, TargetGroup } from '../vocabulary';

/**
 * The competence catalogue is data: the region's administrators add codes without a release.
 * Each competence says which support needs it addresses, which the competence map relies on.
 */
export class AddCompetenceBody {
  @Matches(catalogueCodePattern, { message: '$property must be lower-case letters, digits and underscores, 2 to 50 characters' })
  code!: string;

  /** Swedish name shown in the console. */
  @IsString()
  @Length(2, 100)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @IsArray()
  @ArrayMaxSize(13)
  @ArrayUnique()
  @IsIn(Object.values(SupportNeed), { each: true })
  addressesNeeds!: SupportNeed[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups?: TargetGroup[];
}

export class AddCompetenceCommand extends AddCompetenceBody {}

export class ListCompetencesQuery extends PageQuery {
  @IsOmittable()
  @IsIn(Object.values(SupportNeed))
  need?: SupportNeed;
}

export class CompetenceView {
  @IsString()
  code!: string;

  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description!: string | null;

  @IsIn(Object.values(SupportNeed), { each: true })
  addressesNeeds!: SupportNeed[];

  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups!: TargetGroup[];
}
