import { Injectable } from '@nestjs/common';
import { compare, hash } from 'bcryptjs';

/** bcrypt's work factor: about 70 ms a hash on a current server core. */
const COST = 10;

@Injectable()
export class PasswordHasher {
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, COST);
  }

  /** bcrypt.compare re-hashes and compares in constant time. */
  matches(password: string, passwordHash: string): Promise<boolean> {
    return compare(password, passwordHash);
  }

  /**
   * Spends the same time as `matches` when there is no account to check against, so response
   * times do not tell which usernames exist.
   */
  async matchesNothing(password: string): Promise<false> {
    this.decoy ??= hash('no account has this password', COST);
    await compare(password, await this.decoy);
    return false;
  }
}
