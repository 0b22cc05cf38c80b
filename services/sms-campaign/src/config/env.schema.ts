import type { z } from 'zod';
import { serviceVariables } from '@atrium/config';

/** The variables the sms-campaign service reads (process.env is read nowhere else). */
export const smsCampaignEnvSchema = serviceVariables(3004);

export type SmsCampaignConfig = z.infer<typeof smsCampaignEnvSchema>;
