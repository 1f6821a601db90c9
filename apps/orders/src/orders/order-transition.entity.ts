import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrderStatus, TransitionActor } from './order-status.enum';

/** One status change of an order: who, when, why (partitioned like orders). */
@Entity({ name: 'order_transitions' })
export class OrderTransitionEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' }) orderId: string;
  @PrimaryColumn({ name: 'order_created_at', type: 'timestamptz' }) orderCreatedAt: Date;
  @PrimaryColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: OrderStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: OrderStatus;
  @Column({ name: 'actor_type', type: 'text' }) actorType: TransitionActor;
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId: string | null;
  @Column('text') reason: string;
  @Column({ type: 'timestamptz' }) at: Date;
}
