import { CoffeeProcess } from '../products/coffee-process.enum';
import { RoastLevel } from '../products/roast-level.enum';

/** A farm (or washing station) and the lots we buy from it. */
export interface DemoFarm {
  farm: string;
  producer: string;
  altitude: [number, number];
  varieties: string[];
  /** One product per lot: the process and, optionally, a variety of its own. */
  lots: Array<{ process: CoffeeProcess; variety?: string; roast?: RoastLevel }>;
}

export interface DemoOrigin {
  country: string;
  region: string;
  category: string;
  notes: Partial<Record<CoffeeProcess, string[]>> & { default: string[] };
  scoreRange: [number, number];
  farms: DemoFarm[];
}

const { NATURAL, WASHED, HONEY, PULPED_NATURAL, ANAEROBIC, WET_HULLED } = CoffeeProcess;

/**
 * Where our coffees come from. Farms and producers are illustrative; regions, altitudes,
 * varieties, processes and cup profiles are typical of each origin.
 */
export const DEMO_ORIGINS: DemoOrigin[] = [
  {
    country: 'Brasil',
    region: 'Sul de Minas',
    category: 'cafes-do-brasil',
    scoreRange: [84, 89],
    notes: {
      default: ['chocolate ao leite', 'caramelo', 'castanha-do-pará', 'mel', 'laranja doce', 'rapadura'],
      [NATURAL]: ['chocolate ao leite', 'frutas amarelas', 'caramelo', 'uva passa', 'melaço'],
      [ANAEROBIC]: ['morango', 'licor de cacau', 'vinho tinto', 'ameixa'],
    },
    farms: [
      { farm: 'Fazenda Serra do Cruzeiro', producer: 'Família Junqueira', altitude: [1150, 1400], varieties: ['Bourbon Amarelo', 'Catuaí Amarelo'], lots: [{ process: NATURAL, variety: 'Bourbon Amarelo' }, { process: PULPED_NATURAL, variety: 'Catuaí Amarelo' }, { process: ANAEROBIC, variety: 'Bourbon Amarelo', roast: RoastLevel.LIGHT }] },
      { farm: 'Sítio Boa Esperança', producer: 'Ana Lúcia Ribeiro', altitude: [1200, 1350], varieties: ['Bourbon Amarelo'], lots: [{ process: NATURAL }, { process: HONEY }] },
      { farm: 'Fazenda Mantiqueira Alta', producer: 'Cooperativa Vale da Mantiqueira', altitude: [1250, 1500], varieties: ['Catuaí Vermelho', 'Acaiá'], lots: [{ process: PULPED_NATURAL, variety: 'Acaiá' }, { process: NATURAL, variety: 'Catuaí Vermelho' }] },
      { farm: 'Sítio Pedra Branca', producer: 'José Carlos Vilela', altitude: [1100, 1250], varieties: ['Mundo Novo', 'Topázio'], lots: [{ process: NATURAL, variety: 'Mundo Novo' }, { process: HONEY, variety: 'Topázio' }] },
      { farm: 'Fazenda Três Irmãos', producer: 'Irmãos Andrade', altitude: [1000, 1200], varieties: ['Catuaí Amarelo'], lots: [{ process: NATURAL }, { process: PULPED_NATURAL, roast: RoastLevel.MEDIUM }] },
      { farm: 'Sítio São Benedito', producer: 'Maria Aparecida Souza', altitude: [1300, 1450], varieties: ['Geisha', 'Bourbon Rosa'], lots: [{ process: WASHED, variety: 'Geisha', roast: RoastLevel.LIGHT }, { process: NATURAL, variety: 'Bourbon Rosa' }] },
    ],
  },
  {
    country: 'Brasil',
    region: 'Cerrado Mineiro',
    category: 'cafes-do-brasil',
    scoreRange: [83, 88],
    notes: {
      default: ['chocolate amargo', 'nozes', 'caramelo', 'açúcar mascavo', 'baunilha'],
      [NATURAL]: ['chocolate', 'frutas secas', 'amêndoa torrada', 'melaço'],
      [ANAEROBIC]: ['cereja em calda', 'rum', 'cacau', 'especiarias'],
    },
    farms: [
      { farm: 'Fazenda Chapadão', producer: 'Grupo Ferreira', altitude: [950, 1150], varieties: ['Mundo Novo', 'Catuaí Vermelho'], lots: [{ process: NATURAL, variety: 'Mundo Novo' }, { process: PULPED_NATURAL, variety: 'Catuaí Vermelho' }] },
      { farm: 'Fazenda Vereda Grande', producer: 'Paulo Henrique Tavares', altitude: [1000, 1200], varieties: ['Arara', 'Catuaí Amarelo'], lots: [{ process: NATURAL, variety: 'Arara' }, { process: ANAEROBIC, variety: 'Arara', roast: RoastLevel.LIGHT }, { process: HONEY, variety: 'Catuaí Amarelo' }] },
      { farm: 'Fazenda Boa Vista do Cerrado', producer: 'Família Okada', altitude: [1050, 1180], varieties: ['Bourbon Amarelo', 'Topázio'], lots: [{ process: NATURAL, variety: 'Bourbon Amarelo' }, { process: NATURAL, variety: 'Topázio', roast: RoastLevel.MEDIUM }] },
      { farm: 'Fazenda Santa Clara', producer: 'Luciana Prado', altitude: [980, 1120], varieties: ['Catucaí', 'Mundo Novo'], lots: [{ process: PULPED_NATURAL, variety: 'Catucaí' }, { process: NATURAL, variety: 'Mundo Novo', roast: RoastLevel.MEDIUM_DARK }] },
    ],
  },
  {
    country: 'Brasil',
    region: 'Mogiana',
    category: 'cafes-do-brasil',
    scoreRange: [83, 87],
    notes: {
      default: ['chocolate ao leite', 'caramelo', 'avelã', 'cítrico suave', 'mel'],
      [NATURAL]: ['cacau', 'caramelo', 'frutas vermelhas maduras', 'rapadura'],
    },
    farms: [
      { farm: 'Fazenda Alta Mogiana', producer: 'Família Garcia', altitude: [1000, 1250], varieties: ['Mundo Novo', 'Icatu'], lots: [{ process: NATURAL, variety: 'Icatu' }, { process: PULPED_NATURAL, variety: 'Mundo Novo' }] },
      { farm: 'Sítio Recanto da Serra', producer: 'Antônio Bueno', altitude: [1050, 1200], varieties: ['Catuaí Vermelho'], lots: [{ process: NATURAL }, { process: HONEY, roast: RoastLevel.MEDIUM_LIGHT }] },
      { farm: 'Fazenda Franca Velha', producer: 'Cooperativa Altamogiana', altitude: [950, 1100], varieties: ['Bourbon Vermelho', 'Obatã'], lots: [{ process: NATURAL, variety: 'Bourbon Vermelho' }, { process: NATURAL, variety: 'Obatã', roast: RoastLevel.MEDIUM }] },
    ],
  },
  {
    country: 'Brasil',
    region: 'Chapada Diamantina',
    category: 'cafes-do-brasil',
    scoreRange: [85, 90],
    notes: {
      default: ['frutas tropicais', 'maracujá', 'mel', 'floral', 'limão cravo'],
      [NATURAL]: ['manga', 'abacaxi', 'mel de laranjeira', 'chocolate branco'],
      [ANAEROBIC]: ['frutas tropicais', 'licor', 'canela', 'cupuaçu'],
    },
    farms: [
      { farm: 'Fazenda Progresso', producer: 'Família Magalhães', altitude: [1100, 1300], varieties: ['Catuaí Vermelho', 'Catucaí'], lots: [{ process: NATURAL, variety: 'Catuaí Vermelho' }, { process: ANAEROBIC, variety: 'Catucaí', roast: RoastLevel.LIGHT }] },
      { farm: 'Sítio Vale do Capão', producer: 'Rosângela Lima', altitude: [1000, 1150], varieties: ['Bourbon Amarelo'], lots: [{ process: NATURAL }, { process: HONEY }] },
      { farm: 'Fazenda Ibicoara', producer: 'Associação de Produtores de Ibicoara', altitude: [1150, 1350], varieties: ['Geisha', 'Catuaí Amarelo'], lots: [{ process: NATURAL, variety: 'Geisha', roast: RoastLevel.LIGHT }, { process: PULPED_NATURAL, variety: 'Catuaí Amarelo' }] },
      { farm: 'Sítio Mucugê', producer: 'Edvaldo Santos', altitude: [1050, 1200], varieties: ['Catucaí Amarelo'], lots: [{ process: WASHED }, { process: NATURAL }] },
    ],
  },
  {
    country: 'Brasil',
    region: 'Montanhas do Espírito Santo',
    category: 'cafes-do-brasil',
    scoreRange: [84, 89],
    notes: {
      default: ['frutas vermelhas', 'caramelo', 'limão siciliano', 'açúcar demerara', 'floral'],
      [NATURAL]: ['morango', 'chocolate', 'vinho', 'ameixa seca'],
      [WASHED]: ['tangerina', 'mel', 'chá verde', 'maçã verde'],
    },
    farms: [
      { farm: 'Sítio Pedra Azul', producer: 'Família Venturim', altitude: [1000, 1300], varieties: ['Catuaí Vermelho', 'Arara'], lots: [{ process: NATURAL, variety: 'Catuaí Vermelho' }, { process: WASHED, variety: 'Arara' }] },
      { farm: 'Sítio Caparaó', producer: 'Dona Célia Lacerda', altitude: [1100, 1400], varieties: ['Bourbon Amarelo', 'Catuaí Amarelo'], lots: [{ process: NATURAL, variety: 'Bourbon Amarelo' }, { process: HONEY, variety: 'Catuaí Amarelo' }, { process: ANAEROBIC, variety: 'Bourbon Amarelo', roast: RoastLevel.LIGHT }] },
      { farm: 'Fazenda Venda Nova', producer: 'Irmãos Falqueto', altitude: [900, 1100], varieties: ['Catucaí'], lots: [{ process: PULPED_NATURAL }, { process: WASHED }] },
    ],
  },
  {
    country: 'Etiópia',
    region: 'Yirgacheffe',
    category: 'cafes-da-etiopia',
    scoreRange: [86, 91],
    notes: {
      default: ['jasmim', 'bergamota', 'limão siciliano', 'chá preto', 'pêssego'],
      [NATURAL]: ['mirtilo', 'morango', 'chocolate amargo', 'flor de laranjeira'],
    },
    farms: [
      { farm: 'Estação de Lavagem Kochere', producer: 'Pequenos produtores de Kochere', altitude: [1900, 2200], varieties: ['Heirloom etíope'], lots: [{ process: WASHED, roast: RoastLevel.LIGHT }, { process: NATURAL, roast: RoastLevel.LIGHT }] },
      { farm: 'Estação de Lavagem Aricha', producer: 'Cooperativa Aricha', altitude: [1950, 2150], varieties: ['Kurume', 'Wolisho'], lots: [{ process: WASHED, variety: 'Kurume', roast: RoastLevel.LIGHT }, { process: NATURAL, variety: 'Wolisho' }] },
      { farm: 'Estação de Lavagem Konga', producer: 'Cooperativa Konga', altitude: [1850, 2100], varieties: ['Heirloom etíope'], lots: [{ process: WASHED }, { process: ANAEROBIC, roast: RoastLevel.LIGHT }] },
    ],
  },
  {
    country: 'Etiópia',
    region: 'Guji',
    category: 'cafes-da-etiopia',
    scoreRange: [86, 90],
    notes: {
      default: ['pêssego', 'damasco', 'chá preto', 'mel', 'floral'],
      [NATURAL]: ['frutas vermelhas', 'vinho tinto', 'cacau', 'mirtilo'],
    },
    farms: [
      { farm: 'Estação Hambela', producer: 'Produtores de Hambela Wamena', altitude: [2000, 2300], varieties: ['74110', '74112'], lots: [{ process: NATURAL, roast: RoastLevel.LIGHT }, { process: WASHED, roast: RoastLevel.LIGHT }] },
      { farm: 'Estação Shakiso', producer: 'Cooperativa Shakiso', altitude: [1800, 2100], varieties: ['Heirloom etíope'], lots: [{ process: NATURAL }, { process: HONEY }] },
    ],
  },
  {
    country: 'Etiópia',
    region: 'Sidamo',
    category: 'cafes-da-etiopia',
    scoreRange: [85, 89],
    notes: { default: ['limão', 'mel', 'chá de camomila', 'pêssego'], [NATURAL]: ['morango', 'chocolate ao leite', 'uva'] },
    farms: [
      { farm: 'Estação Bensa', producer: 'Produtores de Bensa', altitude: [1900, 2200], varieties: ['Heirloom etíope'], lots: [{ process: WASHED }, { process: NATURAL }] },
      { farm: 'Estação Shantawene', producer: 'Família Asefa', altitude: [2000, 2250], varieties: ['74158'], lots: [{ process: NATURAL, roast: RoastLevel.LIGHT }] },
    ],
  },
  {
    country: 'Etiópia',
    region: 'Limu',
    category: 'cafes-da-etiopia',
    scoreRange: [84, 88],
    notes: { default: ['especiarias', 'chocolate', 'laranja', 'floral suave'] },
    farms: [{ farm: 'Estação Kossa Geshe', producer: 'Produtores de Limu Kossa', altitude: [1800, 2000], varieties: ['Heirloom etíope'], lots: [{ process: WASHED }, { process: NATURAL, roast: RoastLevel.MEDIUM }] }],
  },
  {
    country: 'Colômbia',
    region: 'Huila',
    category: 'cafes-da-colombia',
    scoreRange: [85, 89],
    notes: {
      default: ['panela', 'maçã verde', 'laranja', 'caramelo', 'cereja'],
      [ANAEROBIC]: ['frutas tropicais', 'canela', 'rum', 'abacaxi'],
    },
    farms: [
      { farm: 'Finca El Mirador', producer: 'Rodrigo Sánchez', altitude: [1600, 1850], varieties: ['Caturra', 'Castillo'], lots: [{ process: WASHED, variety: 'Caturra' }, { process: ANAEROBIC, variety: 'Castillo', roast: RoastLevel.LIGHT }] },
      { farm: 'Finca La Esperanza', producer: 'Família Gómez', altitude: [1700, 1900], varieties: ['Pink Bourbon'], lots: [{ process: WASHED, roast: RoastLevel.LIGHT }, { process: NATURAL }] },
      { farm: 'Finca Los Naranjos', producer: 'Asociación Pitalito', altitude: [1500, 1750], varieties: ['Colombia', 'Caturra'], lots: [{ process: WASHED, variety: 'Colombia' }, { process: HONEY, variety: 'Caturra' }] },
    ],
  },
  {
    country: 'Colômbia',
    region: 'Nariño',
    category: 'cafes-da-colombia',
    scoreRange: [86, 90],
    notes: { default: ['tangerina', 'açúcar mascavo', 'frutas vermelhas', 'floral', 'mel'] },
    farms: [
      { farm: 'Finca San Lorenzo', producer: 'Cooperativa de La Unión', altitude: [1900, 2200], varieties: ['Caturra', 'Typica'], lots: [{ process: WASHED, variety: 'Typica', roast: RoastLevel.LIGHT }, { process: WASHED, variety: 'Caturra' }] },
      { farm: 'Finca Buesaco', producer: 'Luz Marina Ortega', altitude: [2000, 2250], varieties: ['Castillo'], lots: [{ process: HONEY }] },
    ],
  },
  {
    country: 'Colômbia',
    region: 'Cauca',
    category: 'cafes-da-colombia',
    scoreRange: [85, 88],
    notes: { default: ['caramelo', 'ameixa', 'chocolate ao leite', 'limão'] },
    farms: [{ farm: 'Finca Inzá', producer: 'Produtores indígenas de Inzá', altitude: [1700, 1950], varieties: ['Caturra', 'Colombia'], lots: [{ process: WASHED }, { process: NATURAL, roast: RoastLevel.MEDIUM }] }],
  },
  {
    country: 'Colômbia',
    region: 'Tolima',
    category: 'cafes-da-colombia',
    scoreRange: [84, 88],
    notes: { default: ['maçã vermelha', 'caramelo', 'cacau', 'panela'] },
    farms: [{ farm: 'Finca Planadas', producer: 'Asociación Planadas', altitude: [1600, 1900], varieties: ['Castillo', 'Caturra'], lots: [{ process: WASHED }, { process: HONEY, roast: RoastLevel.MEDIUM }] }],
  },
  {
    country: 'Quênia',
    region: 'Nyeri',
    category: 'cafes-do-quenia',
    scoreRange: [86, 91],
    notes: { default: ['groselha', 'cassis', 'toranja', 'tomate', 'açúcar mascavo'] },
    farms: [
      { farm: 'Estação Gatomboya', producer: 'Cooperativa Barichu', altitude: [1700, 1850], varieties: ['SL28', 'SL34'], lots: [{ process: WASHED, roast: RoastLevel.LIGHT }] },
      { farm: 'Estação Karogoto', producer: 'Cooperativa Rumukia', altitude: [1750, 1900], varieties: ['SL28', 'Ruiru 11'], lots: [{ process: WASHED, roast: RoastLevel.LIGHT }, { process: NATURAL }] },
    ],
  },
  {
    country: 'Quênia',
    region: 'Kirinyaga',
    category: 'cafes-do-quenia',
    scoreRange: [86, 90],
    notes: { default: ['amora', 'hibisco', 'limão', 'melaço'] },
    farms: [
      { farm: 'Estação Kii', producer: 'Cooperativa Rungeto', altitude: [1700, 1900], varieties: ['SL28', 'SL34'], lots: [{ process: WASHED, roast: RoastLevel.LIGHT }] },
      { farm: 'Estação Kamwangi', producer: 'Cooperativa New Ngariama', altitude: [1650, 1850], varieties: ['Batian', 'SL28'], lots: [{ process: WASHED }] },
    ],
  },
  {
    country: 'Quênia',
    region: 'Kiambu',
    category: 'cafes-do-quenia',
    scoreRange: [85, 88],
    notes: { default: ['cereja', 'chocolate', 'laranja sanguínea', 'vinho'] },
    farms: [{ farm: 'Fazenda Kiambu Estate', producer: 'Família Mwangi', altitude: [1600, 1800], varieties: ['SL28', 'Batian'], lots: [{ process: WASHED }, { process: HONEY, roast: RoastLevel.MEDIUM_LIGHT }] }],
  },
  {
    country: 'Guatemala',
    region: 'Huehuetenango',
    category: 'cafes-da-america-central',
    scoreRange: [85, 88],
    notes: { default: ['chocolate amargo', 'maçã', 'nozes', 'uva', 'caramelo'] },
    farms: [
      { farm: 'Finca La Libertad', producer: 'Família Villatoro', altitude: [1600, 1900], varieties: ['Bourbon', 'Caturra'], lots: [{ process: WASHED }, { process: NATURAL }] },
      { farm: 'Finca El Injerto', producer: 'Cooperativa Todosantera', altitude: [1700, 2000], varieties: ['Pache', 'Bourbon'], lots: [{ process: WASHED, variety: 'Pache' }] },
    ],
  },
  {
    country: 'Guatemala',
    region: 'Antigua',
    category: 'cafes-da-america-central',
    scoreRange: [84, 87],
    notes: { default: ['chocolate', 'especiarias', 'laranja', 'fumaça suave'] },
    farms: [{ farm: 'Finca San Sebastián', producer: 'Família Falla', altitude: [1500, 1700], varieties: ['Bourbon'], lots: [{ process: WASHED, roast: RoastLevel.MEDIUM }] }],
  },
  {
    country: 'Costa Rica',
    region: 'Tarrazú',
    category: 'cafes-da-america-central',
    scoreRange: [85, 89],
    notes: { default: ['mel', 'pêssego', 'cítrico', 'caramelo'], [HONEY]: ['mel', 'damasco', 'açúcar mascavo', 'cereja'] },
    farms: [
      { farm: 'Finca Don Mayo', producer: 'Família Bonilla', altitude: [1700, 1950], varieties: ['Caturra', 'Catuaí'], lots: [{ process: HONEY, roast: RoastLevel.LIGHT }, { process: WASHED }] },
      { farm: 'Microbeneficio La Pastora', producer: 'Família Ureña', altitude: [1600, 1850], varieties: ['Villa Sarchi'], lots: [{ process: HONEY }] },
    ],
  },
  {
    country: 'Costa Rica',
    region: 'West Valley',
    category: 'cafes-da-america-central',
    scoreRange: [85, 88],
    notes: { default: ['frutas vermelhas', 'rapadura', 'floral', 'chocolate'] },
    farms: [{ farm: 'Finca Cordillera de Fuego', producer: 'Família Sáenz', altitude: [1400, 1700], varieties: ['SL28', 'Villa Sarchi'], lots: [{ process: NATURAL }, { process: ANAEROBIC, roast: RoastLevel.LIGHT }] }],
  },
  {
    country: 'Panamá',
    region: 'Boquete',
    category: 'cafes-da-america-central',
    scoreRange: [89, 93],
    notes: { default: ['jasmim', 'bergamota', 'mel de laranjeira', 'manga', 'chá branco'] },
    farms: [
      { farm: 'Finca Jaramillo', producer: 'Família Peterson', altitude: [1600, 1800], varieties: ['Geisha'], lots: [{ process: WASHED, roast: RoastLevel.LIGHT }, { process: NATURAL, roast: RoastLevel.LIGHT }] },
      { farm: 'Finca Los Lajones', producer: 'Família Lamastus', altitude: [1500, 1750], varieties: ['Geisha'], lots: [{ process: NATURAL, roast: RoastLevel.LIGHT }] },
    ],
  },
  {
    country: 'Honduras',
    region: 'Marcala',
    category: 'cafes-da-america-central',
    scoreRange: [84, 87],
    notes: { default: ['caramelo', 'maçã', 'chocolate ao leite', 'mel'] },
    farms: [{ farm: 'Finca El Puente', producer: 'Marysabel Caballero', altitude: [1500, 1700], varieties: ['Catuaí', 'Parainema'], lots: [{ process: WASHED }, { process: HONEY }] }],
  },
  {
    country: 'Peru',
    region: 'Cajamarca',
    category: 'outras-origens',
    scoreRange: [84, 87],
    notes: { default: ['chocolate ao leite', 'amêndoa', 'maçã', 'panela'] },
    farms: [{ farm: 'Cooperativa Cenfrocafe', producer: 'Cenfrocafe', altitude: [1600, 2000], varieties: ['Typica', 'Caturra', 'Bourbon'], lots: [{ process: WASHED }, { process: WASHED, variety: 'Bourbon', roast: RoastLevel.MEDIUM }] }],
  },
  {
    country: 'Ruanda',
    region: 'Nyamasheke',
    category: 'outras-origens',
    scoreRange: [85, 88],
    notes: { default: ['hibisco', 'laranja', 'chá preto', 'groselha'] },
    farms: [{ farm: 'Estação Gitesi', producer: 'Produtores do Lago Kivu', altitude: [1700, 1900], varieties: ['Red Bourbon'], lots: [{ process: WASHED, roast: RoastLevel.LIGHT }, { process: NATURAL }] }],
  },
  {
    country: 'Burundi',
    region: 'Kayanza',
    category: 'outras-origens',
    scoreRange: [85, 88],
    notes: { default: ['framboesa', 'limão', 'mel', 'chá'] },
    farms: [{ farm: 'Estação Ninga', producer: 'Produtores de Kayanza', altitude: [1750, 1950], varieties: ['Red Bourbon'], lots: [{ process: WASHED }, { process: HONEY }] }],
  },
  {
    country: 'Indonésia',
    region: 'Sumatra Aceh',
    category: 'outras-origens',
    scoreRange: [83, 86],
    notes: { default: ['terroso', 'especiarias', 'cedro', 'chocolate amargo', 'tabaco'] },
    farms: [{ farm: 'Cooperativa Gayo', producer: 'Produtores do planalto Gayo', altitude: [1300, 1600], varieties: ['Ateng', 'Tim Tim'], lots: [{ process: WET_HULLED, roast: RoastLevel.MEDIUM_DARK }, { process: WET_HULLED, variety: 'Tim Tim', roast: RoastLevel.MEDIUM }] }],
  },
];

/** House blends: always Brazilian base, roasted for espresso or filter. */
export const DEMO_BLENDS = [
  { name: 'Blend Mestres Espresso', region: 'Sul de Minas e Cerrado Mineiro', roast: RoastLevel.MEDIUM_DARK, process: NATURAL, notes: ['chocolate amargo', 'caramelo', 'castanhas'], score: 84, tags: ['espresso', 'leite'] },
  { name: 'Blend da Casa', region: 'Mogiana e Sul de Minas', roast: RoastLevel.MEDIUM, process: PULPED_NATURAL, notes: ['chocolate ao leite', 'mel', 'nozes'], score: 83.5, tags: ['dia-a-dia', 'coado'] },
  { name: 'Blend Cappuccino Cremoso', region: 'Cerrado Mineiro', roast: RoastLevel.DARK, process: NATURAL, notes: ['cacau', 'rapadura', 'baunilha'], score: 82.5, tags: ['espresso', 'leite'] },
  { name: 'Blend Manhã de Minas', region: 'Sul de Minas', roast: RoastLevel.MEDIUM_LIGHT, process: NATURAL, notes: ['laranja doce', 'caramelo', 'mel'], score: 84.5, tags: ['coado', 'dia-a-dia'] },
  { name: 'Blend Cold Brew', region: 'Cerrado Mineiro e Chapada Diamantina', roast: RoastLevel.MEDIUM, process: NATURAL, notes: ['chocolate', 'frutas vermelhas', 'açúcar mascavo'], score: 84, tags: ['cold-brew', 'gelado'] },
  { name: 'Blend Descafeinado Suave', region: 'Sul de Minas', roast: RoastLevel.MEDIUM, process: PULPED_NATURAL, notes: ['chocolate ao leite', 'caramelo'], score: 82, tags: ['descafeinado'] },
  { name: 'Blend Bourbon Especial', region: 'Sul de Minas', roast: RoastLevel.MEDIUM_LIGHT, process: NATURAL, notes: ['frutas amarelas', 'mel', 'chocolate branco'], score: 85, tags: ['coado', 'presente'] },
  { name: 'Blend Espresso Frutado', region: 'Chapada Diamantina e Etiópia Guji', roast: RoastLevel.MEDIUM_LIGHT, process: NATURAL, notes: ['morango', 'chocolate', 'vinho'], score: 86, tags: ['espresso', 'frutado'] },
];

/** How each process is written in product names and descriptions. */
export const PROCESS_NAMES: Record<CoffeeProcess, string> = {
  NATURAL: 'Natural',
  WASHED: 'Lavado',
  HONEY: 'Honey',
  PULPED_NATURAL: 'Cereja Descascado',
  ANAEROBIC: 'Fermentação Anaeróbica',
  WET_HULLED: 'Wet Hulled',
};

export const ROAST_NAMES: Record<RoastLevel, string> = {
  LIGHT: 'clara',
  MEDIUM_LIGHT: 'média-clara',
  MEDIUM: 'média',
  MEDIUM_DARK: 'média-escura',
  DARK: 'escura',
};
