import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem } from '@atrium/errors';
import { MESSAGE_KINDS } from '../../compliance/message-kind';
import { MEMBER_LANGUAGES, type MemberLanguage } from '../../members/member-profile.entity';
import { analyseSms } from '../sms-encoding';
import type { SmsTemplate } from '../template-record.entity';

export class ProblemView {
  @ApiProperty({ example: 'bodies.zh-Hant' })
  field: string;

  @ApiProperty()
  message: string;
}

export class BodyAnalysisView {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] })
  encoding: string;

  @ApiProperty({ type: 'integer' })
  characters: number;

  @ApiProperty({ type: 'integer', description: 'Septets (GSM-7) or UTF-16 units (UCS-2)' })
  units: number;

  @ApiProperty({ type: 'integer', description: 'Of the text as written: values put in for {{variables}} change it' })
  segments: number;
}

export class TemplateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: MESSAGE_KINDS })
  kind: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  bodies: Record<string, string>;

  @ApiProperty({ enum: ['draft', 'approved'] })
  status: string;

  @ApiProperty({ type: 'integer', description: 'One more with every edit' })
  version: number;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty()
  updatedBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional()
  approvedBy?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  approvedAt?: string;

  @ApiProperty({ type: [ProblemView], description: 'Why it cannot be approved as it is (marketing: signature and opt-out instruction per language); empty when it can' })
  complianceProblems: ProblemView[];

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/BodyAnalysisView' }, description: 'Per language' })
  analysis: Record<string, BodyAnalysisView>;

  @ApiProperty({ type: [String], description: 'Campaigns not finished yet that send it' })
  usedBy: string[];

  static of(template: SmsTemplate, complianceProblems: readonly FieldProblem[]): TemplateResponse {
    const languages = MEMBER_LANGUAGES.filter((language: MemberLanguage) => typeof template.bodies[language] === 'string');
    return {
      id: template.id,
      name: template.name,
      kind: template.kind,
      bodies: Object.fromEntries(languages.map((language) => [language, template.bodies[language] ?? ''])),
      status: template.status,
      version: template.version,
      createdBy: template.createdBy,
      createdAt: template.createdAt.toISOString(),
      updatedBy: template.updatedBy,
      updatedAt: template.updatedAt.toISOString(),
      ...(template.approvedBy ? { approvedBy: template.approvedBy } : {}),
      ...(template.approvedAt ? { approvedAt: template.approvedAt.toISOString() } : {}),
      complianceProblems: complianceProblems.map((problem) => ({ ...problem })),
      analysis: Object.fromEntries(
        languages.map((language) => {
          const { encoding, characters, units, segments } = analyseSms(template.bodies[language] ?? '');
          return [language, { encoding, characters, units, segments }];
        }),
      ),
      usedBy: [...template.usedBy],
    };
  }
}
