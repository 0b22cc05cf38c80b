import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** Two records of one person: the one in the path stays, `duplicateId` is closed into it. */
export class MergeMembersDto {
  @ApiProperty({ format: 'uuid', description: 'The record to close into the member in the path' })
  @IsUUID()
  duplicateId: string;

  @ApiProperty({ example: 'registered twice: desk 2025 and self-service 2026', description: 'Why; kept on both records' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
