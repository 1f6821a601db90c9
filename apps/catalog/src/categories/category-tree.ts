import type { CategoryRecord } from './categories.repository';

/** The category tree in memory, with the lookups the catalog needs. */
export class CategoryTree {
  private readonly byId = new Map<string, CategoryRecord>();
  private readonly bySlug = new Map<string, CategoryRecord>();
  private readonly children = new Map<string | null, CategoryRecord[]>();

  constructor(readonly all: CategoryRecord[]) {
    for (const category of all) {
      this.byId.set(category.id, category);
      this.bySlug.set(category.slug, category);
      const siblings = this.children.get(category.parentId) ?? [];
      siblings.push(category);
      this.children.set(category.parentId, siblings);
    }
    for (const siblings of this.children.values()) siblings.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'pt-BR'));
  }

  get roots(): CategoryRecord[] {
    return this.children.get(null) ?? [];
  }

  find(ref: { id: string } | { slug: string }): CategoryRecord | undefined {
    return 'id' in ref ? this.byId.get(ref.id) : this.bySlug.get(ref.slug);
  }

  childrenOf(id: string): CategoryRecord[] {
    return this.children.get(id) ?? [];
  }

  /** The category and everything below it: a prefix match on the materialised path. */
  subtreeIds(category: CategoryRecord): string[] {
    const prefix = `${category.path}/`;
    return this.all.filter((other) => other.id === category.id || other.path.startsWith(prefix)).map((other) => other.id);
  }

  /** From the root down to `category` itself. */
  breadcrumbs(category: CategoryRecord): CategoryRecord[] {
    const trail: CategoryRecord[] = [];
    for (let current: CategoryRecord | undefined = category; current; current = current.parentId ? this.byId.get(current.parentId) : undefined) {
      trail.unshift(current);
    }
    return trail;
  }
}
