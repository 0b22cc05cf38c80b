import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class PutTenantDto {
  @ApiProperty({ example: '星巴克 Starbucks L1-05' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ['open', 'closed'], description: 'A closed tenant\'s sales earn nothing and are rejected' })
  @IsIn(['open', 'closed'])
  status: 'open' | 'closed';
}
