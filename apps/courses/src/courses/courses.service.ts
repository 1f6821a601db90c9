import { Injectable } from '@nestjs/common';
import { CoursesRepository } from './courses.repository';
import type { CourseEntity } from './course.entity';

@Injectable()
export class CoursesService {
  constructor(private readonly courses: CoursesRepository) {}

  findBySlug(slug: string): Promise<CourseEntity | null> {
    return this.courses.findBySlug(slug);
  }

  /** Courses sold by the given catalog products, aligned to the input (null when none). */
  async coursesForProducts(productIds: readonly string[]): Promise<Array<CourseEntity | null>> {
    const rows = await this.courses.findByProductIds(productIds);
    const byProduct = new Map(rows.map((row) => [row.productId, row]));
    return productIds.map((id) => byProduct.get(id) ?? null);
  }
}
