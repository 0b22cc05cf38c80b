import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, Matches, MaxLength } from 'class-validator';
import { MESSAGE_KINDS, type MessageKind } from '../../compliance/message-kind';
import type { TemplateBodies } from '../sms-template.entity';

export class SaveTemplateDto {
  @ApiProperty({ example: '生日禮遇 Birthday treat', description: 'Unique among templates' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: MESSAGE_KINDS, description: 'marketing: needs consent, the signature and the opt-out instruction; transactional: neither' })
  @IsIn([...MESSAGE_KINDS])
  kind: MessageKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: {
      'zh-Hant': '【Atrium】{{name}}，生日快樂！憑此短信到服務台領取禮品。回T退訂',
      en: '【Atrium】Happy birthday, {{name}}! Show this SMS at the desk for a gift. Reply STOP to opt out',
    },
    description:
      'Text per language (zh-Hans, zh-Hant, en) with {{name}}, {{tier}}, {{points}}, {{expiryDate}}, {{bookletLink}}, each rendered with the member\'s current value in the member\'s language. ' +
      'A variable may carry a fallback after a bar, {{name|會員}} (1–40 characters, no "|"): what a member without a value reads. Without one, a missing name reads 會員 / 会员 / Member and a missing tier the lowest tier\'s name; ' +
      '{{expiryDate}} has no built-in default, so a template using it without a fallback is not approved. A bad fallback is 400 naming bodies.<language>.',
  })
  @IsObject()
  bodies: TemplateBodies;
}
