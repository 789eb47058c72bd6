import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from './field-rules';

/** Applies the decorators as if stacked in this order on the property (the last one first, as TypeScript does). */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    for (const decorator of decorators.reverse()) decorator(target, property);
  };
}

/** How many items a page holds: 1 to 100, the default when left out. */
export const PageLimit = (): PropertyDecorator =>
  stacked(
    IsOmittable(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
  );

/** The opaque cursor of the last item of the previous page. */
export const PageCursor = (): PropertyDecorator => stacked(IsOmittable(), IsString(), MaxLength(200));

/** Keyset pagination: `after` is the opaque cursor of the last item of the previous page. */
export class PageQuery {
  @PageLimit()
  limit?: number;

  @PageCursor()
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const defaultPageSize = 50;
