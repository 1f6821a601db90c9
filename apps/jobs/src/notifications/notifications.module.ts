import { DynamicModule, Module } from '@nestjs/common';
import type { JobsConfig } from '../config';
import { Clock } from '../shared/clock';
import { CartActivityRepository } from './cart-activity.repository';
import { CoursesEventsConsumer } from './courses-events.consumer';
import { EmailJobs } from './email-jobs';
import { EnrollmentActivityRepository } from './enrollment-activity.repository';
import { EnrollmentNotificationsService, REMINDER_SETTINGS, type ReminderSettings } from './enrollment-notifications.service';
import { OrderActivityRepository } from './order-activity.repository';
import { CART_REMINDER_SETTINGS, OrderNotificationsService, type CartReminderSettings } from './order-notifications.service';
import { OrdersEventsConsumer } from './orders-events.consumer';

/** Domain events in, e-mail jobs out: the consumers, the projections they keep, the e-mail handlers. */
@Module({})
export class NotificationsModule {
  static forRoot(config: JobsConfig): DynamicModule {
    const reminders: ReminderSettings = { leadMs: config.CLASS_REMINDER_LEAD_SECONDS * 1000 };
    const carts: CartReminderSettings = { delayMs: config.ABANDONED_CART_DELAY_SECONDS * 1000 };
    return {
      module: NotificationsModule,
      providers: [
        { provide: REMINDER_SETTINGS, useValue: reminders },
        { provide: CART_REMINDER_SETTINGS, useValue: carts },
        Clock,
        EnrollmentActivityRepository,
        EnrollmentNotificationsService,
        CoursesEventsConsumer,
        OrderActivityRepository,
        CartActivityRepository,
        OrderNotificationsService,
        OrdersEventsConsumer,
        EmailJobs,
      ],
    };
  }
}
