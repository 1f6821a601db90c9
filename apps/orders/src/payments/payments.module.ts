import { Module } from '@nestjs/common';
import { PaymentCharger } from './payment-charger';
import { PAYMENT_PROVIDER } from './payment-provider';
import { SandboxLedgerRepository } from './sandbox-ledger.repository';
import { SandboxPaymentProvider } from './sandbox-payment-provider';

/** The payment provider adapter (the sandbox, the only value PAYMENT_PROVIDER accepts) and the retrying charger. */
@Module({
  providers: [SandboxLedgerRepository, SandboxPaymentProvider, { provide: PAYMENT_PROVIDER, useExisting: SandboxPaymentProvider }, PaymentCharger],
  exports: [PAYMENT_PROVIDER, SandboxPaymentProvider, PaymentCharger],
})
export class PaymentsModule {}
