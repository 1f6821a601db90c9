import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** `await aLesson(course.id).at(1).insert(db)` */
export function aLesson(courseId: string) {
  const lesson = { id: randomUUID(), position: 1, title: 'Lição de teste', content: '# Conteúdo\n\nSó para alunos.', archived: false };
  const builder = {
    at(position: number) {
      lesson.position = position;
      lesson.title = `Lição ${position}`;
      return builder;
    },
    archived() {
      lesson.archived = true;
      return builder;
    },
    async insert(db: DataSource): Promise<{ id: string; position: number; content: string }> {
      await db.query(
        `INSERT INTO lesson (id, course_id, position, title, summary, content, duration_minutes, archived_at) VALUES ($1, $2, $3, $4, '', $5, 20, $6)`,
        [lesson.id, courseId, lesson.position, lesson.title, lesson.content, lesson.archived ? new Date() : null],
      );
      return { id: lesson.id, position: lesson.position, content: lesson.content };
    },
  };
  return builder;
}
