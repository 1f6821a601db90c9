import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, TransactionHost } from '@mestres/database';
import { alignToKeys, decodeCursor, pageSize, toConnection, type ConnectionShape } from '@mestres/graphql';
import { Clock } from '../shared/clock';
import { looksLike, textProblem } from '../shared/validation';
import { CourseLevel } from './course-level.enum';
import type { CourseEntity } from './course.entity';
import type { CourseFilter } from './course-filter.input';
import type { CreateCourseInput, UpdateCourseInput } from './course.inputs';
import { CoursesError, CoursesErrorCode } from './courses.errors';
import { CoursesRepository, type CoursePatch } from './courses.repository';

const isSlugCursor = (value: unknown): value is string => typeof value === 'string' && looksLike.slug(value);

@Injectable()
export class CoursesService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Null for an unknown or malformed slug (a malformed slug cannot exist). */
  findBySlug(slug: string): Promise<CourseEntity | null> {
    if (!looksLike.slug(slug)) return Promise.resolve(null);
    return this.courses.findBySlug(slug);
  }

  /** The course or COURSE_NOT_FOUND; `field` names the argument at fault. */
  async requireById(id: string, field = 'id'): Promise<CourseEntity> {
    if (!looksLike.uuid(id)) throw CoursesError.invalid(field, 'must be a course id');
    const course = await this.courses.findById(id);
    if (!course) throw CoursesError.notFound(field);
    return course;
  }

  /** Courses by id, aligned to `ids` (null when unknown); one statement per batch. */
  async byIds(ids: readonly string[]): Promise<Array<CourseEntity | null>> {
    const valid = ids.filter(looksLike.uuid);
    const rows = valid.length ? await this.courses.findByIds(valid) : [];
    return alignToKeys(ids, rows, (row) => row.id);
  }

  /** Courses sold by the given catalog products, aligned to the input (null when none). */
  async coursesForProducts(productIds: readonly string[]): Promise<Array<CourseEntity | null>> {
    const valid = productIds.filter(looksLike.uuid);
    const rows = valid.length ? await this.courses.findByProductIds(valid) : [];
    return alignToKeys(productIds, rows, (row) => row.productId);
  }

  async list<T>(filter: CourseFilter | null | undefined, first: number | undefined, after: string | undefined, toNode: (course: CourseEntity) => T): Promise<ConnectionShape<T>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, isSlugCursor);
    const { rows, total } = await this.courses.list(filter ?? {}, cursor, limit);
    return toConnection(rows, limit, total, toNode, (row) => row.slug);
  }

  async create(input: CreateCourseInput): Promise<CourseEntity> {
    assertCourseFields(input);
    return this.saving(() =>
      this.courses.insert({
        id: randomUUID(),
        slug: input.slug,
        title: input.title.trim(),
        description: input.description.trim(),
        level: input.level,
        durationMinutes: input.durationMinutes,
        instructorId: input.instructorId ?? null,
        productId: input.productId ?? null,
      }),
    );
  }

  async update(id: string, input: UpdateCourseInput): Promise<CourseEntity> {
    await this.requireById(id);
    assertCourseFields(input);
    const patch: CoursePatch = {};
    if (input.slug != null) patch.slug = input.slug;
    if (input.title != null) patch.title = input.title.trim();
    if (input.description != null) patch.description = input.description.trim();
    if (input.level != null) patch.level = input.level;
    if (input.durationMinutes != null) patch.durationMinutes = input.durationMinutes;
    if (input.instructorId !== undefined) patch.instructorId = input.instructorId;
    if (input.productId !== undefined) patch.productId = input.productId;
    return this.saving(async () => (await this.courses.update(id, patch))!);
  }

  /** Idempotent: archiving an archived course keeps its first archive time. */
  async archive(id: string): Promise<CourseEntity> {
    const course = await this.requireById(id);
    if (course.archivedAt) return course;
    return (await this.courses.update(id, { archivedAt: this.clock.now() }))!;
  }

  private async saving(work: () => Promise<CourseEntity>): Promise<CourseEntity> {
    try {
      return await this.tx.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'course_slug_key')) {
        throw new CoursesError(CoursesErrorCode.SLUG_TAKEN, 'input.slug: another course has this slug', { field: 'input.slug' });
      }
      if (isUniqueViolation(error, 'course_product_id_key')) {
        throw new CoursesError(CoursesErrorCode.PRODUCT_ALREADY_LINKED, 'input.productId: another course is sold by this product', {
          field: 'input.productId',
        });
      }
      throw error;
    }
  }
}

/** Checks the fields present in a create or update input. */
function assertCourseFields(input: Partial<CreateCourseInput> | UpdateCourseInput): void {
  if (input.slug != null && !looksLike.slug(input.slug)) {
    throw CoursesError.invalid('input.slug', 'use lower-case letters, digits and single hyphens (up to 120 characters)');
  }
  const texts: Array<[string, string | null | undefined, number]> = [
    ['input.title', input.title, 120],
    ['input.description', input.description, 5000],
  ];
  for (const [field, value, max] of texts) {
    const problem = value == null ? null : textProblem(value, { max });
    if (problem) throw CoursesError.invalid(field, problem);
  }
  if (input.level != null && !Object.values(CourseLevel).includes(input.level)) throw CoursesError.invalid('input.level', 'unknown level');
  if (input.durationMinutes != null && (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > 10_000)) {
    throw CoursesError.invalid('input.durationMinutes', 'must be between 1 and 10000');
  }
  if (input.instructorId != null && !looksLike.uuid(input.instructorId)) throw CoursesError.invalid('input.instructorId', 'must be a user id');
  if (input.productId != null && !looksLike.uuid(input.productId)) throw CoursesError.invalid('input.productId', 'must be a product id');
}
