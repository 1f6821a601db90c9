import { Module } from '@nestjs/common';
import { RecipientsConsumer } from './recipients.consumer';
import { RecipientsRepository } from './recipients.repository';

@Module({
  providers: [RecipientsRepository, RecipientsConsumer],
  exports: [RecipientsRepository],
})
export class RecipientsModule {}
