import type { z } from 'zod';
import { serviceVariables } from '@atrium/config';

/** The variables the outreach service reads (process.env is read nowhere else). */
export const outreachEnvSchema = serviceVariables(3005);

export type OutreachConfig = z.infer<typeof outreachEnvSchema>;
