import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Member } from '../member.entity';

export class MemberResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '+8613800138000' })
  phone: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: '8800000000000017', description: 'The membership card issued at registration' })
  cardNumber: string;

  @ApiProperty({ enum: ['desk', 'self-service', 'activity', 'corporate', 'import'] })
  channel: string;

  @ApiPropertyOptional()
  sourceRef?: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  static of(member: Member): MemberResponse {
    return { ...member, registeredAt: member.registeredAt.toISOString() };
  }
}
