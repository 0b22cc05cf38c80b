import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DUE_CALENDAR, type DueCalendar } from './due-days';

/** The calendar the ledger dates what is due by; global, as every module that writes entries needs it. */
@Global()
@Module({})
export class DueCalendarModule {
  static register(calendar: DueCalendar): DynamicModule {
    return { module: DueCalendarModule, providers: [{ provide: DUE_CALENDAR, useValue: calendar }], exports: [DUE_CALENDAR] };
  }
}
