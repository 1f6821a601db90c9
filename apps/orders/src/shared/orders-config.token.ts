import { Inject } from '@nestjs/common';

/** The validated OrdersConfig, provided by OrdersSharedModule. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');
export const InjectOrdersConfig = (): ParameterDecorator => Inject(ORDERS_CONFIG);
