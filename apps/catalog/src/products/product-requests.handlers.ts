import { Injectable } from '@nestjs/common';
import type { GetVariantsRequestV1, GetVariantsResponseV1 } from '@mestres/contracts';
import { OnRequest } from '@mestres/messaging';
import { ProductsService } from './products.service';

/** Answers other services' product questions over NATS request/reply. */
@Injectable()
export class ProductRequestHandlers {
  constructor(private readonly products: ProductsService) {}

  @OnRequest('catalog.variants.get.v1')
  getVariants(request: GetVariantsRequestV1): Promise<GetVariantsResponseV1> {
    return this.products.sellableVariants(request.skus);
  }
}
