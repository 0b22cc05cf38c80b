import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class PreviewTemplateDto {
  @ApiProperty({ format: 'uuid', description: 'A member of the projection: the template is rendered in their language with their values' })
  @IsUUID()
  memberId: string;
}
