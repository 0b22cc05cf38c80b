import type { z } from 'zod';
import { serviceVariables } from '@atrium/config';

/** The variables the points service reads (process.env is read nowhere else). */
export const pointsEnvSchema = serviceVariables(3002);

export type PointsConfig = z.infer<typeof pointsEnvSchema>;
