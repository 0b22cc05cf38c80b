import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** What the desk enters to register a shopper (the minimal registration). */
export class RegisterMemberDto {
  @ApiProperty({ example: '138 0013 8000', description: 'Mobile number in any common format; read in the centre region when it has no country code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone: string;

  @ApiProperty({ example: '陳大文', description: 'Name as the shopper gives it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}
