import type { StaffRole } from '../staff/staff-role';
import type { HttpMethod, RouteAccessRule } from './route-access.rule';

/** A request to a forwarded route, as the policy judges it. */
export interface ForwardedCall {
  readonly service: string;
  readonly method: string;
  /** The path on the service (no query), percent-encoded as sent. */
  readonly path: string;
  readonly roles: readonly StaffRole[];
}

const READ_METHODS = new Set(['GET', 'HEAD']);

interface CompiledRule {
  readonly service: string;
  readonly methods: ReadonlySet<string>;
  readonly segments: readonly string[];
  readonly roles: ReadonlySet<StaffRole>;
  readonly financeWrites: boolean;
}

/**
 * Decides from the route-access table whether a caller's roles allow a forwarded call.
 * Pure: no I/O, so every rule of the table is unit-tested.
 */
export class RouteAccessPolicy {
  private readonly rules: readonly CompiledRule[];

  constructor(table: readonly RouteAccessRule[]) {
    this.rules = table.map((rule) => ({
      service: rule.service,
      methods: new Set<string>(rule.methods.flatMap((method: HttpMethod) => (method === 'GET' ? ['GET', 'HEAD'] : [method]))),
      segments: segmentsOf(rule.path),
      roles: new Set(rule.roles),
      financeWrites: rule.financeWrites === true,
    }));
  }

  allows(call: ForwardedCall): boolean {
    const method = call.method.toUpperCase();
    const segments = safeSegmentsOf(call.path);
    // Paths that a server might resolve to somewhere else ("..", encoded slashes) match no rule.
    if (!segments) return false;
    if (call.roles.includes('admin')) return true;
    return this.rules.some(
      (rule) =>
        rule.service === call.service &&
        rule.methods.has(method) &&
        // Finance is read-only except where a line says it writes, even if its roles list finance.
        call.roles.some((role) => rule.roles.has(role) && (role !== 'finance' || READ_METHODS.has(method) || rule.financeWrites)) &&
        matchesSegments(rule.segments, segments),
    );
  }
}

function segmentsOf(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed === '/' ? [] : trimmed.slice(1).split('/');
}

/** The decoded-safe segments of a request path, or undefined when the path is ambiguous. */
function safeSegmentsOf(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments = segmentsOf(path);
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (decoded === '' || decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) return undefined;
  }
  return segments;
}

function matchesSegments(pattern: readonly string[], path: readonly string[]): boolean {
  for (let index = 0; index < pattern.length; index++) {
    const part = pattern[index];
    if (part === '**' && index === pattern.length - 1) return true;
    if (index >= path.length) return false;
    if (part.startsWith(':')) continue;
    if (part !== path[index]) return false;
  }
  return pattern.length === path.length;
}
