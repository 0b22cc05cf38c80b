import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { SmsCampaignConfig } from '../config/env.schema';
import { MemberProjectionModule } from '../members/member-projection.module';
import { SMS_TEMPLATE_MODEL, smsTemplateSchema } from './sms-template.schema';
import { marketingTemplateRules } from './template-compliance';
import { TemplatesController } from './templates.controller';
import { TemplatesRepository } from './templates.repository';
import { TEMPLATE_SETTINGS, TemplatesService, type TemplateSettings } from './templates.service';
import { DEFAULT_TIER_LABELS } from './tier-labels';

/** SMS templates: validation, approval, preview, counts and cost. Exports TemplatesService for campaigns. */
@Module({})
export class TemplatesModule {
  /** One module per configuration (Nest tells dynamic modules apart by object). */
  private static readonly registered = new WeakMap<object, DynamicModule>();

  static register(config: SmsCampaignConfig): DynamicModule {
    const existing = TemplatesModule.registered.get(config);
    if (existing) return existing;
    const module: DynamicModule = {
      module: TemplatesModule,
      imports: [MemberProjectionModule.register(config), MongooseModule.forFeature([{ name: SMS_TEMPLATE_MODEL, schema: smsTemplateSchema }])],
      controllers: [TemplatesController],
      providers: [{ provide: TEMPLATE_SETTINGS, useValue: templateSettingsOf(config) }, TemplatesRepository, TemplatesService],
      exports: [TemplatesService],
    };
    TemplatesModule.registered.set(config, module);
    return module;
  }
}

export function templateSettingsOf(config: SmsCampaignConfig): TemplateSettings {
  return {
    marketingRules: marketingTemplateRules({ signature: config.SMS_CENTRE_SIGNATURE }),
    bookletLink: config.SMS_BOOKLET_URL,
    timeZone: config.TZ_CENTRE,
    tierLabels: DEFAULT_TIER_LABELS,
    lowestTier: config.SMS_LOWEST_TIER,
    pricePerSegment: { amountMinor: config.SMS_PRICE_PER_SEGMENT_MINOR, currency: config.SMS_PRICE_CURRENCY },
  };
}
