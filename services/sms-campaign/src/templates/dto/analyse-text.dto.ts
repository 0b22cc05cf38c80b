import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class AnalyseTextDto {
  @ApiProperty({ example: '【Atrium】會員日全場9折。回T退訂', description: 'Any text, up to 1,600 characters (Twilio’s limit)' })
  @IsString()
  @MaxLength(1600)
  text: string;
}
