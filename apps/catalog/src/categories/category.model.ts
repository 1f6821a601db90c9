import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { CategoryRecord } from './categories.repository';

@ObjectType('Category', { description: 'A node of the category tree (Cafés > Especiais > Etiópia).' })
export class CategoryModel {
  @Field(() => ID, { description: 'Stable category id.' })
  id: string;

  @Field({ description: 'URL-friendly unique name, e.g. `cafes-especiais`.' })
  slug: string;

  @Field({ description: 'Display name in Portuguese.' })
  name: string;

  @Field({ description: 'Short description in Portuguese; may be empty.' })
  description: string;

  @Field({ description: 'Slugs from the root to this category, joined by `/`, e.g. `cafes/cafes-especiais/etiopia`.' })
  path: string;

  parentId: string | null;
}

export function toCategoryModel(record: CategoryRecord): CategoryModel {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    description: record.description,
    path: record.path,
    parentId: record.parentId,
  };
}
