import type { StaffRole } from '../staff/staff-role';
import type { UpstreamService } from './upstream-services';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One line of the route table: these roles may call these methods on paths of one service
 * matching the pattern. A pattern is the service's own path; `:name` stands for one path
 * segment and a trailing `**` for any number of them (none included). GET also covers HEAD.
 */
export interface RouteAccessRule {
  readonly service: UpstreamService;
  readonly methods: readonly HttpMethod[];
  readonly path: string;
  readonly roles: readonly StaffRole[];
  /**
   * Finance is read-only everywhere except on the routes of its own work, starting settlement
   * runs (日結, 月結), which say so here; without it a write ignores a `finance` in `roles`.
   */
  readonly financeWrites?: true;
}
