import { Injectable } from '@nestjs/common';
import { CategoriesRepository } from './categories.repository';
import { CategoryTree } from './category-tree';

const TREE_TTL_MS = 30_000;
/** A miss reloads the tree at most this often, so unknown slugs cannot hammer Postgres. */
const MISS_RELOAD_MS = 2_000;

/**
 * Serves the category tree from memory. The tree is tiny and only changes through seeds and
 * migrations, so each replica reloads it at most every 30 s instead of asking Redis or
 * Postgres on every request.
 */
@Injectable()
export class CategoriesService {
  private cached?: { tree: Promise<CategoryTree>; loadedAt: number };

  constructor(private readonly categories: CategoriesRepository) {}

  tree(): Promise<CategoryTree> {
    if (!this.cached || Date.now() - this.cached.loadedAt > TREE_TTL_MS) {
      const tree = this.categories.findAll().then((rows) => new CategoryTree(rows));
      this.cached = { tree, loadedAt: Date.now() };
      tree.catch(() => {
        if (this.cached?.tree === tree) this.cached = undefined;
      });
    }
    return this.cached.tree;
  }

  /**
   * The tree, reloaded once if it lacks `ref`: a category added by a seed after this replica
   * loaded the tree shows up at once instead of after the TTL.
   */
  async treeWith(ref: { id: string } | { slug: string }): Promise<CategoryTree> {
    const tree = await this.tree();
    if (tree.find(ref) || (this.cached && Date.now() - this.cached.loadedAt < MISS_RELOAD_MS)) return tree;
    this.reload();
    return this.tree();
  }

  /** Forgets the in-memory tree, e.g. after seeding categories. */
  reload(): void {
    this.cached = undefined;
  }
}
