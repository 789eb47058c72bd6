import { IsIn, IsInt, Min } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { ReferralStatus } from '../vocabulary';

export class GetReferralStatisticsQuery {
  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;
}

export class ReferralCountRow {
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(ReferralStatus))
  status!: ReferralStatus;

  @IsInt()
  @Min(0)
  count!: number;
}

export class ReferralStatisticsView {
  rows!: ReferralCountRow[];
  total!: number;
}
