import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import { LessonEntity } from './lesson.entity';

export type NewLesson = Omit<LessonEntity, 'createdAt' | 'updatedAt' | 'archivedAt'>;
export type LessonPatch = Partial<Pick<LessonEntity, 'title' | 'summary' | 'content' | 'durationMinutes' | 'position' | 'archivedAt'>>;

@Injectable()
export class LessonsRepository {
  constructor(private readonly tx: TransactionHost) {}

  findById(id: string): Promise<LessonEntity | null> {
    return this.tx.manager.findOne(LessonEntity, { where: { id } });
  }

  /** Active lessons of many courses in one statement, in course order. */
  findActiveByCourseIds(courseIds: readonly string[]): Promise<LessonEntity[]> {
    return this.tx.reader.find(LessonEntity, {
      where: { courseId: In([...courseIds]), archivedAt: IsNull() },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Ids of the lessons a student must complete to finish the course. */
  async activeIds(courseId: string): Promise<string[]> {
    const rows = await this.tx.manager.find(LessonEntity, { select: { id: true }, where: { courseId, archivedAt: IsNull() } });
    return rows.map((row) => row.id);
  }

  async nextPosition(courseId: string): Promise<number> {
    const [row] = await this.tx.manager.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM lesson WHERE course_id = $1 AND archived_at IS NULL`, [courseId]);
    return Number(row.next);
  }

  async insert(lesson: NewLesson): Promise<LessonEntity> {
    await this.tx.manager.insert(LessonEntity, lesson);
    return (await this.findById(lesson.id))!;
  }

  async update(id: string, patch: LessonPatch): Promise<LessonEntity> {
    if (Object.keys(patch).length > 0) await this.tx.manager.update(LessonEntity, { id }, patch);
    return (await this.findById(id))!;
  }
}
