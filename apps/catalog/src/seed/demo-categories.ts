/** A demo category: slug, name, description, children. Ids derive from the slug. */
export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
  children?: DemoCategory[];
}

/** The storefront's category tree. Slugs are global (they double as URL segments). */
export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    slug: 'cafes',
    name: 'Cafés',
    description: 'Cafés especiais torrados por nós, em grão ou moídos na hora.',
    children: [
      {
        slug: 'cafes-especiais',
        name: 'Especiais',
        description: 'Microlotes e cafés de origem única com pontuação SCA acima de 84.',
        children: [
          { slug: 'cafes-do-brasil', name: 'Brasil', description: 'Sul de Minas, Cerrado Mineiro, Mogiana, Chapada Diamantina e Montanhas do Espírito Santo.' },
          { slug: 'cafes-da-etiopia', name: 'Etiópia', description: 'O berço do café: Yirgacheffe, Guji, Sidamo e Limu.' },
          { slug: 'cafes-da-colombia', name: 'Colômbia', description: 'Huila, Nariño, Cauca e Tolima.' },
          { slug: 'cafes-do-quenia', name: 'Quênia', description: 'Nyeri, Kirinyaga e Kiambu: acidez brilhante e frutas vermelhas.' },
          { slug: 'cafes-da-america-central', name: 'América Central', description: 'Guatemala, Costa Rica, Panamá e Honduras.' },
          { slug: 'outras-origens', name: 'Outras origens', description: 'Peru, Ruanda, Burundi e Sumatra.' },
        ],
      },
      { slug: 'blends', name: 'Blends', description: 'Nossos blends para espresso e para o dia a dia.' },
    ],
  },
  {
    slug: 'equipamentos',
    name: 'Equipamentos',
    description: 'Tudo para preparar um bom café em casa ou no trabalho.',
    children: [
      { slug: 'moedores', name: 'Moedores', description: 'Moedores manuais e elétricos com mó cônica ou plana.' },
      { slug: 'metodos-de-preparo', name: 'Métodos de preparo', description: 'V60, Chemex, AeroPress, prensa francesa, Kalita e moka.' },
      { slug: 'chaleiras', name: 'Chaleiras', description: 'Chaleiras de bico de ganso para despejo preciso.' },
      { slug: 'filtros', name: 'Filtros', description: 'Filtros de papel e de metal para cada método.' },
      { slug: 'balancas', name: 'Balanças', description: 'Balanças com timer para receitas repetíveis.' },
      { slug: 'acessorios', name: 'Acessórios', description: 'Xícaras, servidores, termômetros e mais.' },
    ],
  },
  {
    slug: 'cursos',
    name: 'Cursos',
    description: 'Vagas nos cursos presenciais da escola Mestres Café.',
  },
];
