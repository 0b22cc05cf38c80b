import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TemplatePreview, TextAnalysis } from '../templates.service';
import { ProblemView } from './template.response';

export class MoneyView {
  @ApiProperty({ type: 'integer', description: 'Minor units (fen, cents)' })
  amountMinor: number;

  @ApiProperty({ example: 'CNY' })
  currency: string;
}

export class TextAnalysisResponse {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] })
  encoding: string;

  @ApiProperty({ type: 'integer', description: 'Characters as a person counts them' })
  characters: number;

  @ApiProperty({ type: 'integer', description: 'Septets (GSM-7) or UTF-16 units (UCS-2)' })
  units: number;

  @ApiProperty({ type: 'integer', description: 'Billed parts: GSM-7 160 single / 153 per part, UCS-2 70 / 67' })
  segments: number;

  @ApiProperty({ type: 'integer' })
  unitsLeftInLastSegment: number;

  @ApiProperty({ type: [String], description: 'Variables the text uses' })
  variables: string[];

  @ApiProperty({ type: [ProblemView], description: 'Unknown variables and brace mistakes' })
  problems: ProblemView[];

  @ApiProperty({ type: MoneyView, description: 'What one message of this text costs' })
  cost: MoneyView;

  static of(analysis: TextAnalysis): TextAnalysisResponse {
    return { ...analysis, variables: [...analysis.variables], problems: analysis.problems.map((problem) => ({ ...problem })), cost: { ...analysis.cost } };
  }
}

export class EligibilityView {
  @ApiProperty({ description: 'Whether the member may get a message of this kind at all (consent, STOP, card, number)' })
  eligible: boolean;

  @ApiPropertyOptional({ enum: ['erased', 'phone-invalid', 'opted-out', 'card-frozen', 'card-closed', 'no-consent'] })
  reason?: string;
}

export class TemplatePreviewResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ description: 'False when the member would get nothing of this template (see reason)' })
  rendered: boolean;

  @ApiPropertyOptional({ enum: ['no-template-language', 'template-values-missing'] })
  reason?: string;

  @ApiPropertyOptional({ enum: ['zh-Hans', 'zh-Hant', 'en'], description: 'The version the member gets' })
  language?: string;

  @ApiPropertyOptional({ description: 'The message as the member would receive it' })
  text?: string;

  @ApiPropertyOptional({ type: [String], description: 'Variables with no value for this member and no fallback (not rendered)' })
  missing?: string[];

  @ApiPropertyOptional({ type: [String], description: "Variables this member has no value for, written as the template's fallback ({{name|會員}}) or the built-in default" })
  fallbacks?: string[];

  @ApiPropertyOptional({ enum: ['GSM-7', 'UCS-2'] })
  encoding?: string;

  @ApiPropertyOptional({ type: 'integer' })
  characters?: number;

  @ApiPropertyOptional({ type: 'integer' })
  segments?: number;

  @ApiPropertyOptional({ type: MoneyView })
  cost?: MoneyView;

  @ApiProperty({ type: EligibilityView })
  eligibility: EligibilityView;

  static of(preview: TemplatePreview): TemplatePreviewResponse {
    const eligibility = preview.eligibility.eligible ? { eligible: true } : { eligible: false, reason: preview.eligibility.reason };
    if (!preview.rendered) {
      return {
        memberId: preview.memberId,
        rendered: false,
        reason: preview.reason,
        ...(preview.language ? { language: preview.language } : {}),
        ...(preview.missing ? { missing: [...preview.missing] } : {}),
        eligibility,
      };
    }
    return {
      memberId: preview.memberId,
      rendered: true,
      language: preview.language,
      text: preview.text,
      fallbacks: [...preview.fallbacks],
      encoding: preview.analysis.encoding,
      characters: preview.analysis.characters,
      segments: preview.analysis.segments,
      cost: { ...preview.cost },
      eligibility,
    };
  }
}
