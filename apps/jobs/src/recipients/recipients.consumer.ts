import { Injectable } from '@nestjs/common';
import type { UserRegisteredV1 } from '@mestres/contracts';
import { OnEvent } from '@mestres/messaging';
import { RecipientsRepository } from './recipients.repository';

/** Keeps the recipients projection: every e-mail job looks its address up here. */
@Injectable()
export class RecipientsConsumer {
  constructor(private readonly recipients: RecipientsRepository) {}

  @OnEvent('users.user.registered.v1', { consumer: 'jobs-recipients' })
  onUserRegistered(user: UserRegisteredV1): Promise<void> {
    return this.recipients.upsert({ userId: user.userId, email: user.email, name: user.name });
  }
}
