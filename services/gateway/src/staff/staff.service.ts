import { Injectable } from '@nestjs/common';
import { losesAdminPower } from './admin-continuity';
import { PasswordHasher } from './password-hasher';
import type { StaffAccount, StaffChanges } from './staff-account.entity';
import type { StaffRole } from './staff-role';
import { normalizeUsername } from './staff-username';
import { LastAdminError, StaffNotFoundError } from './staff.errors';
import { StaffRepository } from './staff.repository';
import { StaffSessionsRepository } from './staff-sessions.repository';

export interface NewStaffAccount {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly StaffRole[];
}

export interface StaffUpdate {
  readonly displayName?: string;
  readonly roles?: readonly StaffRole[];
  readonly active?: boolean;
  readonly password?: string;
}

@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly sessions: StaffSessionsRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async create(input: NewStaffAccount): Promise<StaffAccount> {
    const account: StaffAccount = {
      username: normalizeUsername(input.username),
      displayName: input.displayName.trim(),
      roles: [...new Set(input.roles)],
      active: true,
      passwordHash: await this.passwords.hash(input.password),
      createdAt: new Date(),
    };
    await this.staff.insert(account);
    return account;
  }

  list(): Promise<StaffAccount[]> {
    return this.staff.list();
  }

  async get(username: string): Promise<StaffAccount> {
    const account = await this.staff.findByUsername(normalizeUsername(username));
    if (!account) throw new StaffNotFoundError(normalizeUsername(username));
    return account;
  }

  /**
   * Changes an account. Changing roles, the active flag or the password ends the account's
   * current sessions, so a token never carries roles the account no longer has.
   */
  async update(username: string, update: StaffUpdate): Promise<StaffAccount> {
    const current = await this.get(username);
    const roles = update.roles && [...new Set(update.roles)];
    // A race between two admins demoting each other at once can still leave none; rare enough
    // to accept, and an operator can re-create one with ATRIUM_ADMIN_USERNAME.
    if (losesAdminPower(current, { roles, active: update.active }) && (await this.staff.countActiveAdmins()) <= 1) {
      throw new LastAdminError(current.username);
    }
    const changes: StaffChanges = {
      displayName: update.displayName?.trim(),
      roles,
      active: update.active,
      passwordHash: update.password === undefined ? undefined : await this.passwords.hash(update.password),
    };
    const updated = await this.staff.update(current.username, changes);
    if (!updated) throw new StaffNotFoundError(current.username);
    if (changes.roles !== undefined || changes.active !== undefined || changes.passwordHash !== undefined) {
      await this.sessions.endSessions(current.username);
    }
    return updated;
  }

  /**
   * The account when the password is right and the account active; otherwise undefined, after
   * the same bcrypt work either way.
   */
  async verifyCredentials(username: string, password: string): Promise<StaffAccount | undefined> {
    const account = await this.staff.findByUsername(normalizeUsername(username));
    const matches = account ? await this.passwords.matches(password, account.passwordHash) : await this.passwords.matchesNothing(password);
    return account && matches && account.active ? account : undefined;
  }
}
