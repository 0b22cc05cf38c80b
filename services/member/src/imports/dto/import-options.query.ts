import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** Options of an import, in the query string (the body is the file itself). */
export class ImportOptionsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Whether the members the import creates get the welcome SMS. Members of an earlier system know the programme already, so none by default.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  sendWelcome?: 'true' | 'false';
}
