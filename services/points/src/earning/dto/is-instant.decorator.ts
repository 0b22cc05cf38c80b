import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * An instant as an ISO 8601 string with a time and a UTC offset. A bare date is refused: it
 * would be read as UTC midnight, eight hours off the centre's midnight in Asia/Shanghai.
 */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an instant with a time and a UTC offset, e.g. 2025-03-05T00:00:00+08:00',
    }),
  );
}
