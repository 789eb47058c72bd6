import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { ReferralStatus } from '../vocabulary';

export class GetReferralStatisticsQuery {
  @IsOptional()
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
