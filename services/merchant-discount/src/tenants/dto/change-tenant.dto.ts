import { PartialType } from '@nestjs/swagger';
import { TenantFieldsDto } from './register-tenant.dto';

/** What staff change in a tenant: only the fields given (the id never changes). */
export class ChangeTenantDto extends PartialType(TenantFieldsDto) {}
