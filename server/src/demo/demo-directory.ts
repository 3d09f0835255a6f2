import type { LocalisedText } from '../common/errors.js';
import { pick, pickWeighted, randomInt, seededRandom, type Random } from '../common/random.js';
import type { DistrictKind, SizeBand } from '../directory/directory.entities.js';
import { makeUscc } from '../directory/uscc.js';

export type { DistrictKind, SizeBand };

/** Departments are ranked within their category; the office's lists name it in Chinese. */
export type DepartmentCategory = '综合管理类' | '执法监督类' | '公共服务类' | '垄断性行业和公用企业类';

export const DEPARTMENT_CATEGORY_NAMES: Record<DepartmentCategory, LocalisedText> = {
  综合管理类: { zh: '综合管理类', en: 'General administration' },
  执法监督类: { zh: '执法监督类', en: 'Law enforcement and supervision' },
  公共服务类: { zh: '公共服务类', en: 'Public services' },
  垄断性行业和公用企业类: { zh: '垄断性行业和公用企业类', en: 'Public utilities and monopoly industries' },
};

export interface DemoDepartment {
  code: string;
  nameZh: string;
  nameEn: string;
  category: DepartmentCategory;
}

export interface DemoDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DistrictKind;
  /** GB/T 2260 style; development zones carry the 7x numbers real ones are given. */
  divisionCode: string;
}

export interface DemoEnterprise {
  uscc: string;
  nameZh: string;
  nameEn: string;
  districtCode: string;
  /** A section of GB/T 4754 (国民经济行业分类), as in DEMO_INDUSTRIES. */
  industry: string;
  /** As in DEMO_INVESTOR_REGIONS. */
  investorCountry: string;
  sizeBand: SizeBand;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export interface DemoDirectory {
  departments: DemoDepartment[];
  districts: DemoDistrict[];
  enterprises: DemoEnterprise[];
}

const DEPARTMENTS: readonly (readonly [string, string, DepartmentCategory])[] = [
  ['市发展和改革委员会', 'Municipal Development and Reform Commission', '综合管理类'],
  ['市商务局', 'Municipal Bureau of Commerce', '综合管理类'],
  ['市工业和信息化局', 'Municipal Bureau of Industry and Information Technology', '综合管理类'],
  ['市科学技术局', 'Municipal Bureau of Science and Technology', '综合管理类'],
  ['市财政局', 'Municipal Finance Bureau', '综合管理类'],
  ['市人力资源和社会保障局', 'Municipal Bureau of Human Resources and Social Security', '综合管理类'],
  ['市自然资源和规划局', 'Municipal Bureau of Natural Resources and Planning', '综合管理类'],
  ['市住房和城乡建设局', 'Municipal Bureau of Housing and Urban-Rural Development', '综合管理类'],
  ['市交通运输局', 'Municipal Transport Bureau', '综合管理类'],
  ['市教育局', 'Municipal Education Bureau', '综合管理类'],
  ['市卫生健康委员会', 'Municipal Health Commission', '综合管理类'],
  ['市人民政府外事办公室', 'Foreign Affairs Office of the Municipal Government', '综合管理类'],
  ['市地方金融管理局', 'Municipal Local Financial Administration', '综合管理类'],
  ['市投资促进局', 'Municipal Investment Promotion Bureau', '综合管理类'],
  ['市司法局', 'Municipal Justice Bureau', '综合管理类'],
  ['市数据资源管理局', 'Municipal Data Resources Administration', '综合管理类'],
  ['市市场监督管理局', 'Municipal Administration for Market Regulation', '执法监督类'],
  ['市税务局', 'Municipal Tax Bureau', '执法监督类'],
  ['市生态环境局', 'Municipal Bureau of Ecology and Environment', '执法监督类'],
  ['市应急管理局', 'Municipal Emergency Management Bureau', '执法监督类'],
  ['市公安局出入境管理局', 'Exit and Entry Administration of the Municipal Public Security Bureau', '执法监督类'],
  ['江州海关', 'Jiangzhou Customs', '执法监督类'],
  ['市外汇管理局', 'Municipal Foreign Exchange Administration', '执法监督类'],
  ['市城市管理局', 'Municipal Urban Management Bureau', '执法监督类'],
  ['市消防救援支队', 'Municipal Fire and Rescue Detachment', '执法监督类'],
  ['市公安局交通警察支队', 'Traffic Police Detachment of the Municipal Public Security Bureau', '执法监督类'],
  ['市中级人民法院', 'Municipal Intermediate People\'s Court', '执法监督类'],
  ['江州金融监管分局', 'Jiangzhou Financial Regulatory Bureau', '执法监督类'],
  ['市劳动保障监察支队', 'Municipal Labour Inspection Detachment', '执法监督类'],
  ['市政务服务中心', 'Municipal Government Services Centre', '公共服务类'],
  ['市 12345 政务服务便民热线', 'Municipal 12345 Government Service Hotline', '公共服务类'],
  ['市住房公积金管理中心', 'Municipal Housing Provident Fund Centre', '公共服务类'],
  ['市医疗保障局', 'Municipal Healthcare Security Bureau', '公共服务类'],
  ['市人才服务中心', 'Municipal Talent Service Centre', '公共服务类'],
  ['市贸促会', 'Municipal Council for the Promotion of International Trade', '公共服务类'],
  ['市文化广电和旅游局', 'Municipal Bureau of Culture, Radio, Television and Tourism', '公共服务类'],
  ['市公共资源交易中心', 'Municipal Public Resources Trading Centre', '公共服务类'],
  ['市供电公司', 'Jiangzhou Power Supply Company', '垄断性行业和公用企业类'],
  ['市水务集团', 'Jiangzhou Water Group', '垄断性行业和公用企业类'],
  ['市燃气集团', 'Jiangzhou Gas Group', '垄断性行业和公用企业类'],
  ['江州港务集团', 'Jiangzhou Port Group', '垄断性行业和公用企业类'],
  ['江州国际机场', 'Jiangzhou International Airport', '垄断性行业和公用企业类'],
];

/** With how many of the enterprises each has: the zones and the central districts host the most. */
const DISTRICTS: readonly (readonly [Omit<DemoDistrict, 'code'>, number])[] = [
  [{ nameZh: '临江区', nameEn: 'Linjiang District', kind: 'district', divisionCode: '329902' }, 14],
  [{ nameZh: '明湖区', nameEn: 'Minghu District', kind: 'district', divisionCode: '329903' }, 12],
  [{ nameZh: '云台区', nameEn: 'Yuntai District', kind: 'district', divisionCode: '329904' }, 8],
  [{ nameZh: '北岸区', nameEn: 'Bei\'an District', kind: 'district', divisionCode: '329905' }, 6],
  [{ nameZh: '望江区', nameEn: 'Wangjiang District', kind: 'district', divisionCode: '329906' }, 5],
  [{ nameZh: '新港区', nameEn: 'Xingang District', kind: 'district', divisionCode: '329907' }, 9],
  [{ nameZh: '清溪市', nameEn: 'Qingxi City', kind: 'county-level-city', divisionCode: '329981' }, 6],
  [{ nameZh: '鹤溪县', nameEn: 'Hexi County', kind: 'county', divisionCode: '329921' }, 2],
  [{ nameZh: '梅岭县', nameEn: 'Meiling County', kind: 'county', divisionCode: '329922' }, 2],
  [{ nameZh: '江州经济技术开发区', nameEn: 'Jiangzhou Economic and Technological Development Zone', kind: 'development-zone', divisionCode: '329971' }, 20],
  [{ nameZh: '江州高新技术产业开发区', nameEn: 'Jiangzhou Hi-tech Industrial Development Zone', kind: 'development-zone', divisionCode: '329972' }, 16],
];

type NamePart = readonly [zh: string, en: string];

interface Industry extends LocalisedText {
  /** What the business does, as it appears in a company name. */
  trades: readonly NamePart[];
}

/** Sections of GB/T 4754-2017, weighted roughly as foreign investment in a manufacturing city. */
const INDUSTRIES: readonly (readonly [Industry, number])[] = [
  [{
    zh: '制造业', en: 'Manufacturing', trades: [
      ['汽车零部件', 'Automotive Parts'], ['精密机械', 'Precision Machinery'], ['电子', 'Electronics'],
      ['化工', 'Chemical'], ['医疗器械', 'Medical Devices'], ['新材料', 'Advanced Materials'], ['食品', 'Foods'],
      ['纺织', 'Textile'], ['电气', 'Electric'], ['塑胶制品', 'Plastic Products'], ['光电科技', 'Optoelectronics'],
      ['包装材料', 'Packaging Materials'], ['精工', 'Precision Industries'], ['模具', 'Tooling'], ['环保设备', 'Environmental Equipment'],
    ],
  }, 38],
  [{
    zh: '批发和零售业', en: 'Wholesale and retail trade', trades: [
      ['贸易', 'Trading'], ['国际贸易', 'International Trading'], ['商贸', 'Commerce'], ['供应链管理', 'Supply Chain Management'],
      ['商业', 'Retail'], ['进出口', 'Import and Export'], ['化工贸易', 'Chemical Trading'], ['电子贸易', 'Electronics Trading'],
      ['食品贸易', 'Food Trading'], ['机电设备', 'Mechanical and Electrical Equipment'], ['医药贸易', 'Pharmaceutical Trading'],
    ],
  }, 16],
  [{
    zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services', trades: [
      ['软件', 'Software'], ['信息技术', 'Information Technology'], ['数据科技', 'Data Technology'], ['网络科技', 'Network Technology'],
    ],
  }, 8],
  [{
    zh: '租赁和商务服务业', en: 'Leasing and business services', trades: [
      ['企业管理咨询', 'Management Consulting'], ['商务咨询', 'Business Consulting'], ['人力资源服务', 'Human Resources Services'],
      ['融资租赁', 'Financial Leasing'], ['会展服务', 'Exhibition Services'],
    ],
  }, 10],
  [{
    zh: '科学研究和技术服务业', en: 'Scientific research and technical services', trades: [
      ['生物科技', 'Biotechnology'], ['检测技术', 'Testing Technology'], ['工程技术', 'Engineering'], ['设计', 'Design'],
    ],
  }, 7],
  [{ zh: '房地产业', en: 'Real estate', trades: [['置业', 'Properties'], ['物业管理', 'Property Management']] }, 5],
  [{ zh: '金融业', en: 'Finance', trades: [['投资管理', 'Investment Management'], ['商业保理', 'Commercial Factoring']] }, 3],
  [{ zh: '住宿和餐饮业', en: 'Accommodation and catering', trades: [['酒店', 'Hotel'], ['餐饮管理', 'Catering Management']] }, 5],
  [{ zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services', trades: [['物流', 'Logistics'], ['仓储', 'Warehousing'], ['国际货运代理', 'International Freight Forwarding']] }, 5],
  [{ zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply', trades: [['新能源', 'New Energy'], ['能源', 'Energy']] }, 3],
];

export const DEMO_INDUSTRIES: readonly LocalisedText[] = INDUSTRIES.map(([{ zh, en }]) => ({ zh, en }));

interface InvestorRegion extends LocalisedText {
  /** Brand-like words in the region's style, made up so that no real company is named. */
  stems: readonly NamePart[];
}

/** Hong Kong first by far, as in the national statistics of foreign direct investment. */
const INVESTOR_REGIONS: readonly (readonly [InvestorRegion, number])[] = [
  [{
    zh: '中国香港', en: 'Hong Kong, China', stems: [
      ['恒昌', 'Hang Cheong'], ['永利达', 'Wing Lee Tat'], ['德丰', 'Tak Fung'], ['宝华', 'Po Wah'], ['兴隆', 'Hing Lung'],
      ['福源', 'Fook Yuen'], ['嘉信', 'Ka Shun'], ['泰盛', 'Tai Shing'], ['联发', 'Luen Fat'], ['建荣', 'Kin Wing'],
      ['鸿基', 'Hung Kei'], ['港昇', 'Kong Sing'], ['利安', 'Lee On'], ['富华', 'Fu Wah'], ['永昌', 'Wing Cheong'], ['宏达', 'Wang Tat'],
      ['信昌', 'Shun Cheong'], ['东兴', 'Tung Hing'], ['合利', 'Hop Lee'], ['万丰', 'Man Fung'], ['锦华', 'Kam Wah'],
      ['新辉', 'San Fai'], ['祥发', 'Cheung Fat'], ['骏达', 'Chun Tat'],
    ],
  }, 40],
  [{
    zh: '中国台湾', en: 'Taiwan, China', stems: [
      ['鸿昇', 'Hung Sheng'], ['统达', 'Tung Ta'], ['宏裕', 'Hong Yu'], ['联嘉', 'Lien Chia'], ['台丰', 'Tai Feng'],
      ['铭杰', 'Ming Chieh'], ['冠宇', 'Kuan Yu'], ['晶华', 'Ching Hua'], ['旭扬', 'Hsu Yang'], ['茂丰', 'Mao Feng'],
    ],
  }, 10],
  [{
    zh: '日本', en: 'Japan', stems: [
      ['丸星', 'Maruboshi'], ['北川', 'Kitagawa'], ['中野', 'Nakano'], ['宫本', 'Miyamoto'], ['若叶', 'Wakaba'], ['森田', 'Morita'],
      ['樱井', 'Sakurai'], ['三岛', 'Mishima'], ['青山', 'Aoyama'], ['山濑', 'Yamase'], ['高桥', 'Takahashi'], ['松浦', 'Matsuura'],
    ],
  }, 10],
  [{
    zh: '新加坡', en: 'Singapore', stems: [
      ['狮城', 'Lion City'], ['胡姬', 'Orchid'], ['滨海', 'Marina'], ['海峡', 'Straits'], ['加冷', 'Kallang'], ['南洋', 'Nanyang'],
      ['圣淘沙', 'Sentosa'], ['榜鹅', 'Punggol'], ['裕廊', 'Jurong'], ['武吉', 'Bukit'],
    ],
  }, 8],
  [{
    zh: '韩国', en: 'Korea', stems: [
      ['新荣', 'Shinyoung'], ['世一', 'Seil'], ['光明', 'Kwangmyung'], ['韩星', 'Hanseong'], ['大永', 'Daeyoung'],
      ['正宇', 'Jungwoo'], ['永进', 'Youngjin'], ['京元', 'Kyungwon'], ['海星', 'Haesung'], ['东日', 'Dongil'],
    ],
  }, 7],
  [{
    zh: '美国', en: 'United States', stems: [
      ['橡树岭', 'Oakridge'], ['蓝河', 'Blueriver'], ['星桥', 'Starbridge'], ['北极光', 'Northlight'], ['枫丘', 'Maple Hill'],
      ['银溪', 'Silver Creek'], ['石桥', 'Stonebridge'], ['金门', 'Golden Gate'], ['湖景', 'Lakeview'], ['红木谷', 'Redwood Valley'],
    ],
  }, 7],
  [{
    zh: '德国', en: 'Germany', stems: [
      ['莱茵霍夫', 'Rheinhof'], ['施瓦本', 'Schwaben'], ['博登湖', 'Bodensee'], ['黑森', 'Hessen'], ['易北', 'Elbe'],
      ['阿尔本', 'Alben'], ['斯特恩', 'Sternwerk'], ['布劳塔尔', 'Blautal'], ['费尔德曼', 'Feldmann'], ['迈瑙', 'Mainau'],
    ],
  }, 5],
  [{
    zh: '英属维尔京群岛', en: 'British Virgin Islands', stems: [
      ['宏洋', 'Grand Ocean'], ['裕盛', 'Prosperity'], ['旭日', 'Sunrise'], ['金田', 'Golden Field'], ['瑞丰', 'Rich Harvest'],
    ],
  }, 4],
  [{
    zh: '英国', en: 'United Kingdom', stems: [
      ['温莎', 'Windsor'], ['泰晤士', 'Thames'], ['约克', 'York'], ['斯特林', 'Sterling'], ['彭布罗克', 'Pembroke'],
      ['科茨沃尔德', 'Cotswold'], ['肯特', 'Kent'], ['布里斯托', 'Bristol'],
    ],
  }, 2],
  [{
    zh: '法国', en: 'France', stems: [
      ['卢瓦尔', 'Loire'], ['普罗旺斯', 'Provence'], ['塞纳', 'Seine'], ['阿尔萨斯', 'Alsace'], ['勃艮第', 'Bourgogne'], ['布列塔尼', 'Bretagne'],
    ],
  }, 2],
  [{
    zh: '荷兰', en: 'Netherlands', stems: [
      ['代尔夫特', 'Delft'], ['莱顿', 'Leiden'], ['马斯', 'Maas'], ['奥兰治', 'Oranje'], ['哈勒姆', 'Haarlem'], ['弗里斯', 'Fries'],
    ],
  }, 2],
  [{ zh: '瑞士', en: 'Switzerland', stems: [['伯尔尼', 'Bern'], ['卢塞恩', 'Luzern'], ['阿尔卑', 'Alpenland'], ['莱曼', 'Leman']] }, 1],
  [{ zh: '中国澳门', en: 'Macao, China', stems: [['濠江', 'Hou Kong'], ['澳联', 'Ou Luen'], ['南湾', 'Nam Van']] }, 1],
];

export const DEMO_INVESTOR_REGIONS: readonly LocalisedText[] = INVESTOR_REGIONS.map(([{ zh, en }]) => ({ zh, en }));

const SIZE_BAND_WEIGHTS: readonly (readonly [SizeBand, number])[] = [['large', 8], ['medium', 27], ['small', 45], ['micro', 20]];

const SURNAMES: readonly NamePart[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'],
  ['周', 'zhou'], ['吴', 'wu'], ['徐', 'xu'], ['孙', 'sun'], ['胡', 'hu'], ['朱', 'zhu'], ['高', 'gao'], ['林', 'lin'],
  ['何', 'he'], ['郭', 'guo'], ['马', 'ma'], ['罗', 'luo'], ['梁', 'liang'], ['宋', 'song'], ['郑', 'zheng'], ['谢', 'xie'],
  ['韩', 'han'], ['唐', 'tang'], ['冯', 'feng'], ['于', 'yu'], ['董', 'dong'], ['萧', 'xiao'], ['程', 'cheng'], ['曹', 'cao'],
  ['袁', 'yuan'], ['邓', 'deng'], ['许', 'xu'], ['傅', 'fu'], ['沈', 'shen'], ['曾', 'zeng'], ['彭', 'peng'], ['吕', 'lv'],
  ['苏', 'su'], ['卢', 'lu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['丁', 'ding'], ['魏', 'wei'], ['薛', 'xue'], ['叶', 'ye'],
];

const GIVEN_NAME_CHARACTERS: readonly NamePart[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['华', 'hua'], ['慧', 'hui'], ['建', 'jian'],
  ['文', 'wen'], ['婷', 'ting'], ['晨', 'chen'], ['浩', 'hao'], ['宇', 'yu'], ['欣', 'xin'], ['佳', 'jia'], ['琳', 'lin'],
  ['思', 'si'], ['雨', 'yu'], ['博', 'bo'], ['凯', 'kai'], ['颖', 'ying'], ['蕾', 'lei'], ['峰', 'feng'], ['鹏', 'peng'],
  ['倩', 'qian'], ['悦', 'yue'], ['睿', 'rui'], ['子', 'zi'], ['嘉', 'jia'], ['俊', 'jun'], ['昊', 'hao'], ['晓', 'xiao'],
];

/** Many office staff of foreign-invested companies sign their mail with an English first name. */
const ENGLISH_FIRST_NAMES = ['amy', 'linda', 'kevin', 'jason', 'grace', 'tony', 'helen', 'eric', 'cindy', 'david', 'vivian', 'sunny'];

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
];

const ENTERPRISE_COUNT = 1200;

/**
 * The fictional city of the demo, 江州市 (Jiangzhou): its departments, its districts and the
 * foreign-invested enterprises that rate them, the same for the same seed. Every name and code is made
 * up; the division codes sit in Jiangsu's prefix (32) under a prefecture number (99) no real city has.
 */
export function demoDirectory(seed = 2026): DemoDirectory {
  const random = seededRandom(seed);
  const departments = DEPARTMENTS.map(([nameZh, nameEn, category], index): DemoDepartment => ({
    code: `D${String(index + 1).padStart(2, '0')}`, nameZh, nameEn, category,
  }));
  const districts = DISTRICTS.map(([district], index): DemoDistrict => ({ code: `Q${String(index + 1).padStart(2, '0')}`, ...district }));
  const districtWeights = districts.map((district, index) => [district, DISTRICTS[index][1]] as const);

  const enterprises: DemoEnterprise[] = [];
  const usedBrands = new Set<string>();
  const usedCodes = new Set<string>();
  while (enterprises.length < ENTERPRISE_COUNT) {
    const district = pickWeighted(random, districtWeights);
    const region = pickWeighted(random, INVESTOR_REGIONS);
    const industry = pickWeighted(random, INDUSTRIES);
    const stem = pick(random, region.stems);
    const trade = pick(random, industry.trades);
    // One company per brand and trade, so that names and mail domains never repeat.
    const brand = `${stem[0]}|${trade[0]}`;
    if (usedBrands.has(brand)) continue;
    const uscc = makeUscc(random, { division: district.divisionCode });
    if (usedCodes.has(uscc)) continue;
    usedBrands.add(brand);
    usedCodes.add(uscc);
    const name = companyName(random, stem, trade);
    const contact = contactPerson(random);
    enterprises.push({
      uscc,
      nameZh: name.zh,
      nameEn: name.en,
      districtCode: district.code,
      industry: industry.zh,
      investorCountry: region.zh,
      sizeBand: pickWeighted(random, SIZE_BAND_WEIGHTS),
      contactName: contact.name,
      contactPhone: pick(random, MOBILE_PREFIXES) + String(randomInt(random, 0, 99_999_999)).padStart(8, '0'),
      contactEmail: `${contact.mailbox}@${name.domain}`,
    });
  }
  return { departments, districts, enterprises };
}

/** Foreign-invested companies are named "brand + trade + (city) + legal form", or with the city in front. */
function companyName(random: Random, [stemZh, stemEn]: NamePart, [tradeZh, tradeEn]: NamePart): LocalisedText & { domain: string } {
  // The reserved .example domain keeps demo invitations from ever reaching a real mailbox.
  const domain = `${slug(stemEn)}-${slug(tradeEn)}.example`;
  return random() < 0.5
    ? { zh: `${stemZh}${tradeZh}（江州）有限公司`, en: `${stemEn} ${tradeEn} (Jiangzhou) Co., Ltd.`, domain }
    : { zh: `江州${stemZh}${tradeZh}有限公司`, en: `Jiangzhou ${stemEn} ${tradeEn} Co., Ltd.`, domain };
}

function contactPerson(random: Random): { name: string; mailbox: string } {
  const [surname, surnamePinyin] = pick(random, SURNAMES);
  const given = Array.from({ length: random() < 0.7 ? 2 : 1 }, () => pick(random, GIVEN_NAME_CHARACTERS));
  const givenZh = given.map(([zh]) => zh).join('');
  const givenPinyin = given.map(([, pinyin]) => pinyin).join('');
  const mailbox = pickWeighted(random, [
    [`${givenPinyin}.${surnamePinyin}`, 3],
    [`${surnamePinyin}${givenPinyin}`, 3],
    [`${surnamePinyin}.${given.map(([, pinyin]) => pinyin[0]).join('')}`, 1],
    [`${pick(random, ENGLISH_FIRST_NAMES)}.${surnamePinyin}`, 2],
  ]);
  return { name: surname + givenZh, mailbox };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
