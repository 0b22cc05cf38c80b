import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** A company near the centre, as the outreach team records it. */
export class CreateCompanyDto {
  @ApiProperty({ example: 'Acme Trading Ltd 艾克美貿易', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '環球金融中心 T2', maxLength: 200, description: 'The office building (or street) the company is in' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  building: string;

  @ApiPropertyOptional({ example: '天河路 385 號 18 樓', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '李小姐', maxLength: 100, description: 'The person the team deals with' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string;

  @ApiPropertyOptional({ example: '020 3800 1234', maxLength: 32, description: 'Any common format; stored in E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  contactPhone?: string;

  @ApiPropertyOptional({ example: 'hr@acme.example', maxLength: 200 })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string;
}
