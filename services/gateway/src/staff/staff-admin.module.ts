import { Module, type DynamicModule } from '@nestjs/common';
import { FIRST_ADMIN, FirstAdminSeeder, type FirstAdminConfig } from './first-admin.seeder';
import { StaffController } from './staff.controller';
import { StaffModule } from './staff.module';

/** The admin routes that manage staff accounts, and the first admin of a fresh installation. */
@Module({})
export class StaffAdminModule {
  static register(config: FirstAdminConfig): DynamicModule {
    return {
      module: StaffAdminModule,
      imports: [StaffModule],
      controllers: [StaffController],
      providers: [{ provide: FIRST_ADMIN, useValue: config }, FirstAdminSeeder],
    };
  }
}
