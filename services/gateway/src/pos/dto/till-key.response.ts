import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TillKey } from '../till-key.entity';

/** A till key as the staff API lists it: never its secret. */
export class TillKeyResponse {
  @ApiProperty({ example: 'k3x9q2m7a1bz' })
  keyId: string;

  @ApiProperty({ example: 'T-0042' })
  tenantId: string;

  @ApiProperty({ example: 'Till 2, ground floor' })
  label: string;

  @ApiProperty({ example: 'wong.mei' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the key stopped working; absent while it works' })
  revokedAt?: string;

  static of(key: TillKey): TillKeyResponse {
    return {
      keyId: key.keyId,
      tenantId: key.tenantId,
      label: key.label,
      createdBy: key.createdBy,
      createdAt: key.createdAt.toISOString(),
      ...(key.revokedAt ? { revokedAt: key.revokedAt.toISOString() } : {}),
    };
  }
}

/** The answer to issuing a key: the only time the whole key is shown. */
export class IssuedTillKeyResponse extends TillKeyResponse {
  @ApiProperty({ example: 'atk_k3x9q2m7a1bz_…', description: 'The whole key, for the till; shown once and never again' })
  apiKey: string;
}
