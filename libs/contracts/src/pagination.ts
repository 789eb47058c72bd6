import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from './field-rules';

/** Keyset pagination: `after` is the opaque cursor of the last item of the previous page. */
export class PageQuery {
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOmittable()
  @IsString()
  @MaxLength(200)
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const defaultPageSize = 50;
