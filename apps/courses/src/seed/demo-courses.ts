import { CourseLevel } from '../courses/course-level.enum';
import { SessionFormat } from '../sessions/session-format.enum';

/**
 * The school's demo courses. Seats are sold by the catalog's COURSE_SEAT products (see the
 * catalog seed, apps/catalog/src/seed): product ids are `productIdForSlug(<product slug>)`
 * there, and each product has one variant per class, `<stem>-<class code>`. They are written
 * out here because an app never imports another app; a unit test re-derives the ids.
 */
export interface DemoCourse {
  slug: string;
  title: string;
  description: string;
  level: CourseLevel;
  durationMinutes: number;
  productSlug: string;
  productId: string;
  skuStem: string;
  /** Seats per class. Lower than the catalog's seat stock on purpose: late buyers join the waitlist. */
  capacity: number;
  /** Format of each class, by class code; default in person. */
  formats?: Partial<Record<DemoClassCode, SessionFormat>>;
  lessons: DemoLesson[];
}

export interface DemoLesson {
  title: string;
  summary: string;
  content: string;
  durationMinutes: number;
}

export type DemoClassCode = '2027-03-M' | '2027-03-N' | '2027-04-M' | '2027-05-S';

/** The classes every course has in the catalog, and when the seed schedules them. */
export const DEMO_CLASSES: ReadonlyArray<{ code: DemoClassCode; daysFromNow: number; startHour: number; hoursPerDay: number; saturday?: boolean }> = [
  // The first class starts in two days, so the 24 h reminder job has something to do.
  { code: '2027-03-M', daysFromNow: 2, startHour: 9, hoursPerDay: 4 },
  { code: '2027-03-N', daysFromNow: 9, startHour: 19, hoursPerDay: 3 },
  { code: '2027-04-M', daysFromNow: 30, startHour: 9, hoursPerDay: 4 },
  { code: '2027-05-S', daysFromNow: 60, startHour: 9, hoursPerDay: 8, saturday: true },
];

export const SCHOOL_ADDRESS = 'Escola Mestres Café · Rua dos Pinheiros, 1200 · Pinheiros, São Paulo - SP';

/** The demo instructor account of the users seed. */
export const DEMO_INSTRUCTOR_EMAIL = 'instrutor@mestres.cafe';

export const DEMO_COURSES: readonly DemoCourse[] = [
  {
    slug: 'barista-basico',
    title: 'Barista Básico',
    description:
      'Prática na máquina de espresso do primeiro dia ao último: regulagem do moedor, dose, extração, vaporização do leite e as bebidas clássicas do cardápio. Para quem está começando.',
    level: CourseLevel.BEGINNER,
    durationMinutes: 16 * 60,
    productSlug: 'curso-barista-basico',
    productId: '695e4a29-d3c0-511b-881e-3b1a8a54beb2',
    skuStem: 'CUR-BARISTA-BASICO-C0F1',
    capacity: 8,
    lessons: [
      {
        title: 'Do grão à xícara',
        summary: 'Origem, processamento e torra: o que acontece com o café antes de chegar ao balcão.',
        content: '# Do grão à xícara\n\nO café é a semente de um fruto. Nesta lição vemos **colheita**, **processamento** (natural, lavado, honey) e **torra**, e por que cada etapa muda o sabor na xícara.',
        durationMinutes: 20,
      },
      {
        title: 'Moagem e dose',
        summary: 'Como a granulometria e a dose controlam a extração do espresso.',
        content: '# Moagem e dose\n\n- Dose: 18 g para um espresso duplo\n- Rendimento: cerca de 36 g em 25 a 30 segundos\n- Moagem mais fina, extração mais lenta; mais grossa, mais rápida.',
        durationMinutes: 25,
      },
      {
        title: 'Extração do espresso',
        summary: 'Receita, tempo e como ler um espresso sub ou sobre-extraído.',
        content: '# Extração\n\nSabor ácido e ralo indica **subextração**; amargo e adstringente, **sobre-extração**. Ajuste uma variável por vez.',
        durationMinutes: 30,
      },
      {
        title: 'Leite vaporizado',
        summary: 'Textura, temperatura e a base para cappuccino e latte.',
        content: '# Leite vaporizado\n\nIncorpore ar só no começo, depois crie o redemoinho. Pare entre 60 °C e 65 °C: acima disso o leite perde doçura.',
        durationMinutes: 25,
      },
    ],
  },
  {
    slug: 'latte-art',
    title: 'Latte Art',
    description: 'Textura do leite e os desenhos clássicos: coração, tulipa e rosetta. Recomendado ter feito o Barista Básico.',
    level: CourseLevel.INTERMEDIATE,
    durationMinutes: 8 * 60,
    productSlug: 'curso-latte-art',
    productId: 'a26eae89-a69d-5d68-bed2-945fbd3d4c3d',
    skuStem: 'CUR-LATTE-ART-476B',
    capacity: 6,
    lessons: [
      {
        title: 'Microespuma perfeita',
        summary: 'O leite certo para desenhar: brilho, fluidez e sem bolhas.',
        content: '# Microespuma\n\nA espuma para latte art é fina e brilhante, como tinta. Bata a jarra na bancada e gire para desfazer bolhas.',
        durationMinutes: 20,
      },
      {
        title: 'Coração',
        summary: 'Altura, fluxo e o movimento final que corta o desenho.',
        content: '# Coração\n\nDespeje alto até a xícara encher pela metade, aproxime o bico, deixe a mancha branca crescer e corte com um fio de leite.',
        durationMinutes: 25,
      },
      {
        title: 'Tulipa e rosetta',
        summary: 'Camadas empurradas e o balanço do pulso.',
        content: '# Tulipa e rosetta\n\nA tulipa empilha corações; a rosetta nasce de um balanço lateral do pulso enquanto a jarra recua.',
        durationMinutes: 35,
      },
    ],
  },
  {
    slug: 'cupping-classificacao',
    title: 'Cupping e Classificação',
    description: 'Classificação física dos grãos, defeitos e a prova de xícara pelo protocolo SCA. Para quem quer avaliar e comprar cafés especiais.',
    level: CourseLevel.ADVANCED,
    durationMinutes: 16 * 60,
    productSlug: 'curso-cupping-classificacao',
    productId: 'dbcb2cc9-fbc7-5942-8e4f-5889be9e761e',
    skuStem: 'CUR-CUPPING-CLASSIFICACAO-58BF',
    capacity: 10,
    lessons: [
      {
        title: 'Classificação física',
        summary: 'Peneiras, umidade e contagem de defeitos numa amostra de 300 g.',
        content: '# Classificação física\n\nDefeitos primários (grão preto, ardido) pesam mais que os secundários. Até 5 defeitos completos em 350 g: café especial.',
        durationMinutes: 30,
      },
      {
        title: 'O protocolo de cupping da SCA',
        summary: 'Proporção, moagem, tempos e a quebra da crosta.',
        content: '# Protocolo SCA\n\n8,25 g de café para 150 ml de água a 93 °C. Cheire o pó seco, quebre a crosta aos 4 minutos, prove a partir dos 8.',
        durationMinutes: 35,
      },
      {
        title: 'Atributos e pontuação',
        summary: 'Fragrância, acidez, corpo, doçura e finalização na ficha de prova.',
        content: '# Atributos\n\nCada atributo vale de 6 a 10. Acima de 80 pontos no total, o café é especial.',
        durationMinutes: 30,
      },
    ],
  },
  {
    slug: 'metodos-de-preparo',
    title: 'Métodos de Preparo',
    description: 'V60, Chemex, AeroPress, prensa francesa e Kalita lado a lado: receitas, moagem, proporção e temperatura da água.',
    level: CourseLevel.BEGINNER,
    durationMinutes: 6 * 60,
    productSlug: 'curso-metodos-de-preparo',
    productId: 'c9880549-964a-5b6b-b265-6ddd65574efa',
    skuStem: 'CUR-METODOS-DE-PREPARO-FA2B',
    capacity: 12,
    formats: { '2027-03-N': SessionFormat.ONLINE, '2027-05-S': SessionFormat.ONLINE },
    lessons: [
      {
        title: 'Proporção e água',
        summary: 'A receita base de 1:15 e por que a água importa tanto quanto o café.',
        content: '# Proporção\n\n20 g de café para 300 ml de água. Use água filtrada entre 90 °C e 96 °C.',
        durationMinutes: 15,
      },
      {
        title: 'Coados: V60, Chemex e Kalita',
        summary: 'Pré-infusão, despejos e o tempo total de cada filtro.',
        content: '# Coados\n\nPré-infusão com o dobro do peso do café em água, 30 segundos. Despeje em espiral e termine entre 2:30 e 3:30.',
        durationMinutes: 25,
      },
      {
        title: 'Imersão: prensa francesa e AeroPress',
        summary: 'Contato total entre água e café, e como controlar o corpo.',
        content: '# Imersão\n\nPrensa: moagem grossa, 4 minutos. AeroPress: moagem média, 1 a 2 minutos, pressão suave.',
        durationMinutes: 20,
      },
    ],
  },
];
