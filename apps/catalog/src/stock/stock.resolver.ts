import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { type CallerIdentity, CurrentUser, Role, Roles } from '@mestres/auth';
import { StockAdjustmentReason } from './stock-adjustment-reason.enum';
import { StockLevelModel } from './stock-level.model';
import { StockService } from './stock.service';

@Resolver(() => StockLevelModel)
export class StockResolver {
  constructor(private readonly stock: StockService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => StockLevelModel, { description: 'Admin: changes the units on hand of a SKU, with a reason kept in the stock ledger.' })
  adjustStock(
    @Args('sku', { description: 'The SKU to adjust.' }) sku: string,
    @Args('delta', { type: () => Int, description: 'Units to add (positive) or remove (negative); never below what is reserved.' }) delta: number,
    @Args('reason', { type: () => StockAdjustmentReason, description: 'Why the stock changes.' }) reason: StockAdjustmentReason,
    @Args('note', { type: () => String, nullable: true, description: 'Free note for the ledger, at most 500 characters.' }) note: string | undefined,
    @CurrentUser() caller: CallerIdentity | null,
  ): Promise<StockLevelModel> {
    return this.stock.adjust({ sku, delta, reason, note, actorId: caller?.userId });
  }
}
