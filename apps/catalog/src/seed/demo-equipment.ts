/** A piece of equipment we sell; variants by colour or size, prices in cents. */
export interface DemoEquipment {
  name: string;
  brand: string;
  category: 'moedores' | 'metodos-de-preparo' | 'chaleiras' | 'filtros' | 'balancas' | 'acessorios';
  priceCents: number;
  weightGrams: number;
  description: string;
  tags: string[];
  /** Variant option name and values; a single variant when absent. */
  options?: { name: string; values: Array<{ value: string; priceDeltaCents?: number }> };
}

export const DEMO_EQUIPMENT: DemoEquipment[] = [
  // Moedores
  { name: 'Moedor Manual Comandante C40 MK4', brand: 'Comandante', category: 'moedores', priceCents: 189_000, weightGrams: 750, tags: ['moedor-manual', 'premium'], description: 'Moedor manual de mó cônica de aço nitrogenado, referência para filtrados e espresso. Ajuste preciso por cliques e corpo em madeira.', options: { name: 'cor', values: [{ value: 'nogueira' }, { value: 'preto' }] } },
  { name: 'Moedor Manual Timemore Chestnut C3', brand: 'Timemore', category: 'moedores', priceCents: 64_900, weightGrams: 490, tags: ['moedor-manual', 'viagem'], description: 'Moedor manual compacto com mó de aço inoxidável e corpo de alumínio. Ótimo para V60 e AeroPress em viagens.', options: { name: 'cor', values: [{ value: 'preto' }, { value: 'cinza' }, { value: 'branco' }] } },
  { name: 'Moedor Manual Timemore Chestnut S3', brand: 'Timemore', category: 'moedores', priceCents: 119_000, weightGrams: 520, tags: ['moedor-manual'], description: 'Mó S2C de corte híbrido e ajuste externo: moagem uniforme do espresso ao coado.', options: { name: 'cor', values: [{ value: 'preto' }, { value: 'prata' }] } },
  { name: 'Moedor Manual Hario Skerton Pro', brand: 'Hario', category: 'moedores', priceCents: 42_900, weightGrams: 650, tags: ['moedor-manual', 'iniciante'], description: 'Moedor de mó cerâmica com reservatório de vidro, estabilizado para moagem mais uniforme.' },
  { name: 'Moedor Elétrico Baratza Encore ESP', brand: 'Baratza', category: 'moedores', priceCents: 149_000, weightGrams: 3_600, tags: ['moedor-eletrico'], description: 'Moedor elétrico de mó cônica com 40 ajustes, do espresso à prensa francesa.' },
  { name: 'Moedor Elétrico Fellow Opus', brand: 'Fellow', category: 'moedores', priceCents: 219_000, weightGrams: 2_200, tags: ['moedor-eletrico', 'premium'], description: 'Mó cônica de 40 mm e 41 ajustes com micrometragem; silencioso e com baixa retenção.', options: { name: 'cor', values: [{ value: 'preto fosco' }, { value: 'branco' }] } },
  { name: 'Moedor Elétrico Wilfa Svart Uniform', brand: 'Wilfa', category: 'moedores', priceCents: 159_000, weightGrams: 2_400, tags: ['moedor-eletrico'], description: 'Mó plana de 58 mm para filtrados com moagem uniforme e 41 ajustes.' },
  // Métodos de preparo
  { name: 'Hario V60 Cerâmica', brand: 'Hario', category: 'metodos-de-preparo', priceCents: 18_900, weightGrams: 420, tags: ['v60', 'coado'], description: 'O clássico coador cônico com ranhuras em espiral. Cerâmica japonesa que retém bem a temperatura.', options: { name: 'tamanho', values: [{ value: '01 (1 a 2 xícaras)' }, { value: '02 (1 a 4 xícaras)', priceDeltaCents: 2_000 }] } },
  { name: 'Hario V60 Acrílico', brand: 'Hario', category: 'metodos-de-preparo', priceCents: 7_900, weightGrams: 150, tags: ['v60', 'coado', 'iniciante'], description: 'V60 leve e resistente em acrílico, ideal para começar nos métodos filtrados.', options: { name: 'tamanho', values: [{ value: '01' }, { value: '02', priceDeltaCents: 1_000 }] } },
  { name: 'Kit V60 Completo', brand: 'Hario', category: 'metodos-de-preparo', priceCents: 29_900, weightGrams: 900, tags: ['v60', 'kit', 'presente'], description: 'V60 02 acrílica, servidor de vidro de 600 ml, colher medidora e 100 filtros. Tudo para o primeiro coado.' },
  { name: 'Chemex Clássica 6 Xícaras', brand: 'Chemex', category: 'metodos-de-preparo', priceCents: 39_900, weightGrams: 800, tags: ['chemex', 'coado', 'presente'], description: 'Cafeteira de vidro borossilicato com colar de madeira e tira de couro. Xícara limpa e doce.' },
  { name: 'Chemex Clássica 8 Xícaras', brand: 'Chemex', category: 'metodos-de-preparo', priceCents: 44_900, weightGrams: 950, tags: ['chemex', 'coado'], description: 'A versão maior da Chemex, para servir até oito xícaras de uma vez.' },
  { name: 'AeroPress Original', brand: 'AeroPress', category: 'metodos-de-preparo', priceCents: 32_900, weightGrams: 400, tags: ['aeropress', 'viagem'], description: 'Prensa de ar versátil: do café concentrado ao coado, em um minuto. Inclui 350 filtros.' },
  { name: 'AeroPress Go', brand: 'AeroPress', category: 'metodos-de-preparo', priceCents: 34_900, weightGrams: 320, tags: ['aeropress', 'viagem'], description: 'AeroPress compacta que se guarda dentro da própria caneca. Perfeita para viagens.' },
  { name: 'AeroPress Clear', brand: 'AeroPress', category: 'metodos-de-preparo', priceCents: 37_900, weightGrams: 380, tags: ['aeropress'], description: 'AeroPress em Tritan transparente, resistente e sem BPA.' },
  { name: 'Kalita Wave 185 Inox', brand: 'Kalita', category: 'metodos-de-preparo', priceCents: 24_900, weightGrams: 300, tags: ['kalita', 'coado'], description: 'Coador de fundo plano com três furos: extração uniforme e tolerante.' },
  { name: 'Prensa Francesa Bodum Chambord', brand: 'Bodum', category: 'metodos-de-preparo', priceCents: 29_900, weightGrams: 700, tags: ['prensa-francesa'], description: 'A prensa francesa clássica em vidro e aço inox: corpo e textura aveludada.', options: { name: 'tamanho', values: [{ value: '350 ml' }, { value: '1 litro', priceDeltaCents: 6_000 }] } },
  { name: 'Cafeteira Italiana Bialetti Moka Express', brand: 'Bialetti', category: 'metodos-de-preparo', priceCents: 21_900, weightGrams: 500, tags: ['moka', 'italiana'], description: 'A moka original de alumínio, desde 1933. Café intenso no fogão.', options: { name: 'tamanho', values: [{ value: '3 xícaras' }, { value: '6 xícaras', priceDeltaCents: 5_000 }] } },
  { name: 'Clever Dripper', brand: 'Clever', category: 'metodos-de-preparo', priceCents: 17_900, weightGrams: 250, tags: ['imersao', 'iniciante'], description: 'Imersão e filtragem no mesmo coador: receita fácil e repetível.' },
  { name: 'Origami Dripper', brand: 'Origami', category: 'metodos-de-preparo', priceCents: 26_900, weightGrams: 350, tags: ['coado', 'presente'], description: 'Coador de porcelana de Mino com 20 pregas; aceita filtros cônicos e de fundo plano.', options: { name: 'cor', values: [{ value: 'branco' }, { value: 'rosa' }, { value: 'azul' }] } },
  { name: 'Hario Switch', brand: 'Hario', category: 'metodos-de-preparo', priceCents: 27_900, weightGrams: 450, tags: ['v60', 'imersao'], description: 'V60 com válvula: alterna entre imersão e percolação.' },
  { name: 'Garrafa Cold Brew Hario Filter-in', brand: 'Hario', category: 'metodos-de-preparo', priceCents: 15_900, weightGrams: 400, tags: ['cold-brew', 'gelado'], description: 'Garrafa de vidro com filtro para preparar cold brew na geladeira.' },
  // Chaleiras
  { name: 'Chaleira Elétrica Fellow Stagg EKG', brand: 'Fellow', category: 'chaleiras', priceCents: 129_000, weightGrams: 1_300, tags: ['chaleira-eletrica', 'premium'], description: 'Chaleira elétrica com controle de temperatura grau a grau e bico de ganso.', options: { name: 'cor', values: [{ value: 'preto fosco' }, { value: 'aço escovado' }] } },
  { name: 'Chaleira Hario Buono 1,2 L', brand: 'Hario', category: 'chaleiras', priceCents: 34_900, weightGrams: 800, tags: ['chaleira', 'coado'], description: 'Chaleira de aço inox com bico de ganso para despejo lento e preciso. Vai ao fogão.' },
  { name: 'Chaleira Elétrica Timemore Fish Smart', brand: 'Timemore', category: 'chaleiras', priceCents: 79_900, weightGrams: 1_100, tags: ['chaleira-eletrica'], description: 'Chaleira elétrica de 600 ml com termostato e bico fino para V60.', options: { name: 'cor', values: [{ value: 'preto' }, { value: 'branco' }] } },
  { name: 'Chaleira Bico de Ganso Inox 600 ml', brand: 'Mestres Café', category: 'chaleiras', priceCents: 14_900, weightGrams: 450, tags: ['chaleira', 'iniciante'], description: 'Chaleira simples de aço inox com bico fino, para começar nos filtrados.' },
  // Filtros
  { name: 'Filtros de Papel Hario V60 02', brand: 'Hario', category: 'filtros', priceCents: 3_990, weightGrams: 150, tags: ['filtro', 'v60'], description: 'Filtros de papel para V60 tamanho 02.', options: { name: 'tipo', values: [{ value: 'branco, 100 unidades' }, { value: 'natural, 100 unidades' }] } },
  { name: 'Filtros de Papel Hario V60 01', brand: 'Hario', category: 'filtros', priceCents: 3_490, weightGrams: 120, tags: ['filtro', 'v60'], description: 'Filtros de papel para V60 tamanho 01, 100 unidades.' },
  { name: 'Filtros Chemex Quadrados', brand: 'Chemex', category: 'filtros', priceCents: 8_900, weightGrams: 400, tags: ['filtro', 'chemex'], description: 'Filtros de papel mais grossos da Chemex, 100 unidades: xícara limpa, sem sedimentos.' },
  { name: 'Filtros Kalita Wave 185', brand: 'Kalita', category: 'filtros', priceCents: 6_900, weightGrams: 150, tags: ['filtro', 'kalita'], description: 'Filtros ondulados para Kalita Wave 185, 100 unidades.' },
  { name: 'Filtros de Papel AeroPress', brand: 'AeroPress', category: 'filtros', priceCents: 4_900, weightGrams: 100, tags: ['filtro', 'aeropress'], description: 'Refil de 350 microfiltros para AeroPress.' },
  { name: 'Filtro de Papel Melitta 102', brand: 'Melitta', category: 'filtros', priceCents: 990, weightGrams: 120, tags: ['filtro', 'dia-a-dia'], description: 'Filtro de papel tamanho 102, 30 unidades.' },
  { name: 'Filtro Metálico para AeroPress', brand: 'Fellow', category: 'filtros', priceCents: 9_900, weightGrams: 30, tags: ['filtro', 'aeropress', 'reutilizavel'], description: 'Filtro de aço inox reutilizável: mais corpo e óleos na xícara.' },
  // Balanças
  { name: 'Balança Timemore Black Mirror Basic 2', brand: 'Timemore', category: 'balancas', priceCents: 39_900, weightGrams: 500, tags: ['balanca'], description: 'Balança com timer e precisão de 0,1 g, recarregável por USB-C.', options: { name: 'cor', values: [{ value: 'preto' }, { value: 'branco' }] } },
  { name: 'Balança Hario V60 Drip Scale', brand: 'Hario', category: 'balancas', priceCents: 29_900, weightGrams: 550, tags: ['balanca', 'v60'], description: 'Balança com timer integrado, do tamanho certo para V60 e servidor.' },
  { name: 'Balança Acaia Pearl', brand: 'Acaia', category: 'balancas', priceCents: 149_000, weightGrams: 650, tags: ['balanca', 'premium'], description: 'Balança de alta precisão com conexão ao aplicativo e modos para espresso e coado.' },
  { name: 'Balança Digital Simples com Timer', brand: 'Mestres Café', category: 'balancas', priceCents: 12_900, weightGrams: 400, tags: ['balanca', 'iniciante'], description: 'Balança de 3 kg com precisão de 0,1 g e cronômetro.' },
  // Acessórios
  { name: 'Servidor de Vidro Hario 600 ml', brand: 'Hario', category: 'acessorios', priceCents: 11_900, weightGrams: 350, tags: ['servidor', 'v60'], description: 'Jarra de vidro resistente ao calor com marcações de volume.' },
  { name: 'Xícara de Cerâmica Artesanal 150 ml', brand: 'Mestres Café', category: 'acessorios', priceCents: 6_900, weightGrams: 250, tags: ['xicara', 'presente'], description: 'Xícara feita à mão em Cunha (SP), esmalte de alta temperatura.', options: { name: 'cor', values: [{ value: 'areia' }, { value: 'verde musgo' }, { value: 'azul cobalto' }] } },
  { name: 'Termômetro Digital de Bolso', brand: 'Mestres Café', category: 'acessorios', priceCents: 5_900, weightGrams: 50, tags: ['termometro'], description: 'Termômetro de leitura rápida para água e leite.' },
  { name: 'Pitcher para Latte Art 350 ml', brand: 'Barista Space', category: 'acessorios', priceCents: 12_900, weightGrams: 250, tags: ['latte-art', 'leite'], description: 'Jarra de aço inox com bico afinado para desenhos de latte art.', options: { name: 'cor', values: [{ value: 'inox' }, { value: 'preto' }] } },
  { name: 'Caneca Térmica Fellow Carter', brand: 'Fellow', category: 'acessorios', priceCents: 24_900, weightGrams: 350, tags: ['caneca', 'viagem'], description: 'Caneca térmica com interior cerâmico que preserva os aromas do café.' },
  { name: 'Pote Hermético Airscape 500 g', brand: 'Planetary Design', category: 'acessorios', priceCents: 19_900, weightGrams: 600, tags: ['armazenamento'], description: 'Pote com êmbolo que expulsa o ar e conserva os grãos frescos por mais tempo.' },
  { name: 'Escova para Moedor', brand: 'Mestres Café', category: 'acessorios', priceCents: 2_900, weightGrams: 40, tags: ['limpeza', 'moedor'], description: 'Escova de cerdas macias para limpar mós e câmara de moagem.' },
];

/** Barista courses sold as seats; the courses service owns the course itself. */
export const DEMO_COURSES = [
  {
    slug: 'curso-barista-basico',
    name: 'Curso Barista Básico',
    priceCents: 89_000,
    hours: 16,
    description:
      'Dois dias de prática na máquina de espresso: regulagem do moedor, extração, vaporização do leite e as bebidas clássicas do cardápio. Para quem está começando.',
    tags: ['curso', 'espresso', 'iniciante'],
  },
  {
    slug: 'curso-latte-art',
    name: 'Curso de Latte Art',
    priceCents: 69_000,
    hours: 8,
    description: 'Textura do leite e desenhos clássicos: coração, tulipa e rosetta. Recomendado ter feito o Barista Básico.',
    tags: ['curso', 'latte-art', 'leite'],
  },
  {
    slug: 'curso-cupping-classificacao',
    name: 'Curso de Cupping e Classificação',
    priceCents: 119_000,
    hours: 16,
    description: 'Classificação física dos grãos, defeitos e a prova de xícara pelo protocolo SCA. Para quem quer avaliar e comprar cafés especiais.',
    tags: ['curso', 'cupping', 'avancado'],
  },
  {
    slug: 'curso-metodos-de-preparo',
    name: 'Curso de Métodos de Preparo',
    priceCents: 49_000,
    hours: 6,
    description: 'V60, Chemex, AeroPress, prensa francesa e Kalita lado a lado: receitas, moagem, proporção e temperatura da água.',
    tags: ['curso', 'coado', 'iniciante'],
  },
];

/** Upcoming classes of every course; each is a variant whose stock is its free seats. */
export const DEMO_COURSE_CLASSES = [
  { code: '2027-03-M', label: 'Turma março/2027 · manhã' },
  { code: '2027-03-N', label: 'Turma março/2027 · noite' },
  { code: '2027-04-M', label: 'Turma abril/2027 · manhã' },
  { code: '2027-05-S', label: 'Turma maio/2027 · sábado' },
];
