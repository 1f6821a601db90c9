import { CategoryTree } from './category-tree';

const node = (id: string, path: string, parentId: string | null, position = 0) => ({
  id,
  parentId,
  slug: path.split('/').at(-1)!,
  name: path.split('/').at(-1)!.toUpperCase(),
  description: '',
  path,
  position,
});

describe(CategoryTree.name, () => {
  const tree = new CategoryTree([
    node('1', 'cafes', null),
    node('2', 'cafes/especiais', '1', 0),
    node('3', 'cafes/especiais/etiopia', '2'),
    node('4', 'cafes/blends', '1', 1),
    node('5', 'cafeteiras', null, 1),
  ]);

  it('finds a subtree by path prefix without matching siblings that share a prefix', () => {
    expect(tree.subtreeIds(tree.find({ slug: 'cafes' })!).sort()).toEqual(['1', '2', '3', '4']);
    expect(tree.subtreeIds(tree.find({ id: '2' })!).sort()).toEqual(['2', '3']);
  });

  it('builds breadcrumbs from the root down', () => {
    expect(tree.breadcrumbs(tree.find({ slug: 'etiopia' })!).map((category) => category.slug)).toEqual(['cafes', 'especiais', 'etiopia']);
  });

  it('orders children by position', () => {
    expect(tree.roots.map((category) => category.slug)).toEqual(['cafes', 'cafeteiras']);
    expect(tree.childrenOf('1').map((category) => category.slug)).toEqual(['especiais', 'blends']);
  });
});
