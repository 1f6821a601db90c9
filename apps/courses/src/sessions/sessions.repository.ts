import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import { CourseEntity } from '../courses/course.entity';
import { SessionEntity } from './session.entity';

export type NewSession = Omit<SessionEntity, 'createdAt' | 'updatedAt' | 'archivedAt' | 'seatsTaken'>;
export type SessionPatch = Partial<Pick<SessionEntity, 'startsAt' | 'endsAt' | 'format' | 'location' | 'capacity' | 'archivedAt'>>;

@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: TransactionHost) {}

  findById(id: string): Promise<SessionEntity | null> {
    return this.tx.reader.findOne(SessionEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<SessionEntity[]> {
    return this.tx.reader.find(SessionEntity, { where: { id: In([...ids]) } });
  }

  /** Offered classes of many courses in one statement, by start time. */
  findByCourseIds(courseIds: readonly string[], includePast: boolean): Promise<SessionEntity[]> {
    const query = this.tx.reader
      .createQueryBuilder(SessionEntity, 's')
      .where('s.courseId IN (:...courseIds)', { courseIds })
      .andWhere('s.archivedAt IS NULL');
    if (!includePast) query.andWhere('s.startsAt > now()');
    return query.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').getMany();
  }

  /** Offered classes of the courses `instructorId` teaches. */
  findByInstructor(instructorId: string, includePast: boolean): Promise<SessionEntity[]> {
    const query = this.tx.reader
      .createQueryBuilder(SessionEntity, 's')
      .innerJoin(CourseEntity, 'c', 'c.id = s.courseId')
      .where('c.instructorId = :instructorId', { instructorId })
      .andWhere('s.archivedAt IS NULL');
    if (!includePast) query.andWhere('s.endsAt > now()');
    return query.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').getMany();
  }

  /**
   * Locks the class row until the transaction ends. Every change of `seats_taken` and of
   * enrollment statuses happens under this lock, so seat decisions never race.
   */
  lockById(id: string): Promise<SessionEntity | null> {
    return this.tx.manager.createQueryBuilder(SessionEntity, 's').where('s.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /**
   * Locks the classes sold by these SKUs, in id order (see {@link lockById}); one statement.
   * Always locking in id order is what keeps two orders spanning the same classes from deadlocking.
   */
  lockBySeatSkus(seatSkus: readonly string[]): Promise<SessionEntity[]> {
    return this.tx.manager
      .createQueryBuilder(SessionEntity, 's')
      .where('s.seatSku IN (:...seatSkus)', { seatSkus })
      .orderBy('s.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  async setSeatsTaken(id: string, seatsTaken: number): Promise<void> {
    await this.tx.manager.update(SessionEntity, { id }, { seatsTaken });
  }

  async insert(session: NewSession): Promise<SessionEntity> {
    await this.tx.manager.insert(SessionEntity, session);
    return (await this.tx.manager.findOne(SessionEntity, { where: { id: session.id } }))!;
  }

  async update(id: string, patch: SessionPatch): Promise<SessionEntity> {
    if (Object.keys(patch).length > 0) await this.tx.manager.update(SessionEntity, { id }, patch);
    return (await this.tx.manager.findOne(SessionEntity, { where: { id } }))!;
  }
}
