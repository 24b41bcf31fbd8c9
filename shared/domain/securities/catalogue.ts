import type { Issuer, NewSecurity, SecurityKind } from './security';

/**
 * Well-known securities offered before the user has imported anything, so typing "Ali"
 * already finds Alibaba in Hong Kong and New York. Symbols follow Yahoo (prices are fetched
 * and imported under these names). ISINs are only given where known for certain; a
 * missing ISIN is better than a wrong one that mismatches broker imports.
 * ADR ratios (`sharesPerUnit`) are ordinary shares per ADR, as published by the depositary.
 */

const issuer = (id: string, name: string, aliases: string[]): Issuer => ({ id, name, aliases });

export const CATALOGUE_ISSUERS: readonly Issuer[] = [
  // Hong Kong / China tech and EVs. Simplified and traditional Chinese names both appear in news.
  issuer('alibaba', 'Alibaba Group Holding', ['Alibaba', 'Alibaba Group', '阿里巴巴', '阿里巴巴集团', '阿里巴巴集團', '阿里']),
  issuer('kuaishou', 'Kuaishou Technology', ['Kuaishou', '快手', '快手科技']),
  issuer('jd', 'JD.com', ['JD.com', 'JD', 'Jingdong', '京东', '京東', '京东集团', '京東集團']),
  issuer('tencent', 'Tencent Holdings', ['Tencent', '腾讯', '騰訊', '腾讯控股', '騰訊控股']),
  issuer('meituan', 'Meituan', ['Meituan', 'Meituan Dianping', '美团', '美團']),
  issuer('netease', 'NetEase', ['NetEase', '网易', '網易']),
  issuer('baidu', 'Baidu', ['Baidu', '百度']),
  issuer('xiaomi', 'Xiaomi Corporation', ['Xiaomi', '小米', '小米集团', '小米集團']),
  issuer('li-auto', 'Li Auto', ['Li Auto', 'Li Xiang', '理想汽车', '理想汽車']),
  issuer('xpeng', 'XPeng', ['XPeng', 'Xiaopeng', '小鹏汽车', '小鵬汽車', '小鹏', '小鵬']),
  issuer('nio', 'NIO', ['NIO', 'Weilai', '蔚来', '蔚來']),
  issuer('byd', 'BYD Company', ['BYD', 'Build Your Dreams', '比亚迪', '比亞迪']),
  issuer('pdd', 'PDD Holdings', ['PDD', 'Pinduoduo', 'Temu', '拼多多']),
  // US tech.
  issuer('apple', 'Apple', ['Apple', 'Apple Inc.', '苹果', '蘋果']),
  issuer('microsoft', 'Microsoft', ['Microsoft', '微软', '微軟']),
  issuer('nvidia', 'NVIDIA', ['Nvidia', 'NVIDIA Corporation', '英伟达', '輝達']),
  issuer('alphabet', 'Alphabet', ['Alphabet', 'Google', '谷歌', '字母表']),
  issuer('amazon', 'Amazon.com', ['Amazon', 'Amazon.com', '亚马逊', '亞馬遜']),
  issuer('meta', 'Meta Platforms', ['Meta', 'Facebook', 'Meta Platforms', '脸书', '臉書']),
  issuer('tesla', 'Tesla', ['Tesla', '特斯拉']),
  issuer('broadcom', 'Broadcom', ['Broadcom', '博通']),
  issuer('amd', 'Advanced Micro Devices', ['AMD', 'Advanced Micro Devices', '超威半导体', '超微']),
  issuer('intel', 'Intel', ['Intel', '英特尔', '英特爾']),
  issuer('netflix', 'Netflix', ['Netflix', '奈飞', '網飛']),
  issuer('oracle', 'Oracle', ['Oracle', '甲骨文']),
  // DAX.
  issuer('adidas', 'adidas', ['Adidas']),
  issuer('airbus', 'Airbus', ['Airbus', '空客']),
  issuer('allianz', 'Allianz', ['Allianz', '安联']),
  issuer('basf', 'BASF', ['BASF', 'Badische Anilin- und Sodafabrik', '巴斯夫']),
  issuer('bayer', 'Bayer', ['Bayer', '拜耳']),
  issuer('beiersdorf', 'Beiersdorf', ['Beiersdorf', 'Nivea']),
  issuer('bmw', 'BMW', ['BMW', 'Bayerische Motoren Werke', '宝马', '寶馬']),
  issuer('brenntag', 'Brenntag', ['Brenntag']),
  issuer('commerzbank', 'Commerzbank', ['Commerzbank']),
  issuer('continental', 'Continental', ['Continental', 'Conti']),
  issuer('covestro', 'Covestro', ['Covestro']),
  issuer('daimler-truck', 'Daimler Truck', ['Daimler Truck']),
  issuer('deutsche-bank', 'Deutsche Bank', ['Deutsche Bank', '德意志银行']),
  issuer('deutsche-boerse', 'Deutsche Börse', ['Deutsche Börse', 'Deutsche Boerse']),
  issuer('dhl', 'DHL Group', ['DHL', 'DHL Group', 'Deutsche Post']),
  issuer('deutsche-telekom', 'Deutsche Telekom', ['Deutsche Telekom', 'Telekom']),
  issuer('eon', 'E.ON', ['E.ON', 'EON']),
  issuer('fresenius', 'Fresenius', ['Fresenius']),
  issuer('fresenius-medical-care', 'Fresenius Medical Care', ['Fresenius Medical Care', 'FMC']),
  issuer('hannover-re', 'Hannover Rück', ['Hannover Rück', 'Hannover Re', 'Hannover Rueck']),
  issuer('heidelberg-materials', 'Heidelberg Materials', ['Heidelberg Materials', 'HeidelbergCement']),
  issuer('henkel', 'Henkel', ['Henkel']),
  issuer('infineon', 'Infineon Technologies', ['Infineon', '英飞凌']),
  issuer('mercedes-benz', 'Mercedes-Benz Group', ['Mercedes-Benz', 'Mercedes', 'Daimler', '梅赛德斯-奔驰', '奔驰']),
  issuer('merck-kgaa', 'Merck KGaA', ['Merck KGaA', 'Merck Darmstadt']),
  issuer('mtu', 'MTU Aero Engines', ['MTU', 'MTU Aero Engines']),
  issuer('munich-re', 'Münchener Rück', ['Munich Re', 'Münchener Rück', 'Münchener Rückversicherung']),
  issuer('porsche', 'Dr. Ing. h.c. F. Porsche', ['Porsche', 'Porsche AG', '保时捷']),
  issuer('porsche-se', 'Porsche Automobil Holding', ['Porsche SE', 'Porsche Holding']),
  issuer('qiagen', 'Qiagen', ['Qiagen']),
  issuer('rheinmetall', 'Rheinmetall', ['Rheinmetall']),
  issuer('rwe', 'RWE', ['RWE']),
  issuer('sap', 'SAP', ['SAP', '思爱普']),
  issuer('sartorius', 'Sartorius', ['Sartorius']),
  issuer('siemens', 'Siemens', ['Siemens', '西门子', '西門子']),
  issuer('siemens-energy', 'Siemens Energy', ['Siemens Energy']),
  issuer('siemens-healthineers', 'Siemens Healthineers', ['Siemens Healthineers', 'Healthineers']),
  issuer('symrise', 'Symrise', ['Symrise']),
  issuer('volkswagen', 'Volkswagen', ['Volkswagen', 'VW', '大众汽车', '大眾汽車']),
  issuer('vonovia', 'Vonovia', ['Vonovia']),
  issuer('zalando', 'Zalando', ['Zalando']),
];

interface ListingSpec {
  issuerId?: string;
  isin?: string;
  sharesPerUnit?: number;
  aliases?: string[];
  kind?: SecurityKind;
}

function listing(symbol: string, name: string, exchange: string, currency: string, spec: ListingSpec = {}): NewSecurity {
  return {
    symbol,
    name,
    exchange,
    currency,
    kind: spec.kind ?? 'stock',
    isin: spec.isin ?? null,
    issuerId: spec.issuerId ?? null,
    sharesPerUnit: spec.sharesPerUnit ?? 1,
    aliases: spec.aliases ?? [],
  };
}

const hk = (symbol: string, name: string, issuerId: string, isin?: string): NewSecurity =>
  listing(symbol, name, 'HKEX', 'HKD', { issuerId, ...(isin ? { isin } : {}), aliases: [symbol.replace(/\.HK$/, '')] });
const us = (symbol: string, name: string, exchange: 'NYSE' | 'NASDAQ' | 'OTC', issuerId: string, spec: ListingSpec = {}): NewSecurity =>
  listing(symbol, name, exchange, 'USD', { issuerId, ...spec });
const xetra = (symbol: string, name: string, issuerId: string, isin?: string): NewSecurity =>
  listing(symbol, name, 'XETRA', 'EUR', { issuerId, ...(isin ? { isin } : {}), aliases: [symbol.replace(/\.DE$/, '')] });
const index = (symbol: string, name: string, exchange: string, currency: string, aliases: string[]): NewSecurity =>
  listing(symbol, name, exchange, currency, { kind: 'index', aliases });
/** Yahoo's 'HKDEUR=X' quotes 1 HKD in EUR, so the price currency is the second code. */
const fx = (from: string, to: string): NewSecurity =>
  listing(`${from}${to}=X`, `${from}/${to}`, 'FX', to, { kind: 'fx', aliases: [`${from}/${to}`, `${from}${to}`] });

export const CATALOGUE_SECURITIES: readonly NewSecurity[] = [
  hk('9988.HK', 'Alibaba Group Holding', 'alibaba', 'KYG017191142'),
  us('BABA', 'Alibaba Group Holding ADR', 'NYSE', 'alibaba', { isin: 'US01609W1027', sharesPerUnit: 8 }),
  hk('1024.HK', 'Kuaishou Technology', 'kuaishou', 'KYG532631028'),
  hk('9618.HK', 'JD.com', 'jd', 'KYG8208B1014'),
  us('JD', 'JD.com ADR', 'NASDAQ', 'jd', { isin: 'US47215P1066', sharesPerUnit: 2 }),
  hk('0700.HK', 'Tencent Holdings', 'tencent', 'KYG875721634'),
  us('TCEHY', 'Tencent Holdings ADR', 'OTC', 'tencent', { sharesPerUnit: 1 }),
  hk('3690.HK', 'Meituan', 'meituan', 'KYG596691041'),
  hk('9999.HK', 'NetEase', 'netease', 'KYG6427A1022'),
  us('NTES', 'NetEase ADR', 'NASDAQ', 'netease', { isin: 'US64110W1027', sharesPerUnit: 5 }),
  hk('9888.HK', 'Baidu', 'baidu', 'KYG070341048'),
  us('BIDU', 'Baidu ADR', 'NASDAQ', 'baidu', { isin: 'US0567521085', sharesPerUnit: 8 }),
  hk('1810.HK', 'Xiaomi', 'xiaomi', 'KYG9830T1067'),
  hk('2015.HK', 'Li Auto', 'li-auto'),
  us('LI', 'Li Auto ADR', 'NASDAQ', 'li-auto', { isin: 'US50202M1027', sharesPerUnit: 2 }),
  hk('9868.HK', 'XPeng', 'xpeng'),
  us('XPEV', 'XPeng ADR', 'NYSE', 'xpeng', { isin: 'US98422D1054', sharesPerUnit: 2 }),
  hk('9866.HK', 'NIO', 'nio'),
  us('NIO', 'NIO ADR', 'NYSE', 'nio', { isin: 'US62914V1061', sharesPerUnit: 1 }),
  hk('1211.HK', 'BYD Company', 'byd', 'CNE100000296'),
  // PDD has no Hong Kong line; its ADR represents 4 ordinary shares.
  us('PDD', 'PDD Holdings ADR', 'NASDAQ', 'pdd', { isin: 'US7223041028', sharesPerUnit: 4 }),

  us('AAPL', 'Apple', 'NASDAQ', 'apple', { isin: 'US0378331005' }),
  us('MSFT', 'Microsoft', 'NASDAQ', 'microsoft', { isin: 'US5949181045' }),
  us('NVDA', 'NVIDIA', 'NASDAQ', 'nvidia', { isin: 'US67066G1040' }),
  us('GOOGL', 'Alphabet Class A', 'NASDAQ', 'alphabet', { isin: 'US02079K3059' }),
  us('GOOG', 'Alphabet Class C', 'NASDAQ', 'alphabet', { isin: 'US02079K1079' }),
  us('AMZN', 'Amazon.com', 'NASDAQ', 'amazon', { isin: 'US0231351067' }),
  us('META', 'Meta Platforms', 'NASDAQ', 'meta', { isin: 'US30303M1027' }),
  us('TSLA', 'Tesla', 'NASDAQ', 'tesla', { isin: 'US88160R1014' }),
  us('AVGO', 'Broadcom', 'NASDAQ', 'broadcom', { isin: 'US11135F1012' }),
  us('AMD', 'Advanced Micro Devices', 'NASDAQ', 'amd', { isin: 'US0079031078' }),
  us('INTC', 'Intel', 'NASDAQ', 'intel', { isin: 'US4581401001' }),
  us('NFLX', 'Netflix', 'NASDAQ', 'netflix', { isin: 'US64110L1061' }),
  us('ORCL', 'Oracle', 'NYSE', 'oracle', { isin: 'US68389X1054' }),

  // DAX 40 as composed in 2024 (membership changes at quarterly reviews; Covestro and Porsche SE
  // kept for existing holdings). Xetra lines in EUR.
  xetra('ADS.DE', 'adidas', 'adidas', 'DE000A1EWWW0'),
  xetra('AIR.DE', 'Airbus', 'airbus', 'NL0000235190'),
  xetra('ALV.DE', 'Allianz', 'allianz', 'DE0008404005'),
  xetra('BAS.DE', 'BASF', 'basf', 'DE000BASF111'),
  xetra('BAYN.DE', 'Bayer', 'bayer', 'DE000BAY0017'),
  xetra('BEI.DE', 'Beiersdorf', 'beiersdorf', 'DE0005200000'),
  xetra('BMW.DE', 'BMW', 'bmw', 'DE0005190003'),
  xetra('BNR.DE', 'Brenntag', 'brenntag', 'DE000A1DAHH0'),
  xetra('CBK.DE', 'Commerzbank', 'commerzbank', 'DE000CBK1001'),
  xetra('CON.DE', 'Continental', 'continental', 'DE0005439004'),
  xetra('1COV.DE', 'Covestro', 'covestro', 'DE0006062144'),
  xetra('DTG.DE', 'Daimler Truck Holding', 'daimler-truck', 'DE000DTR0CK8'),
  xetra('DBK.DE', 'Deutsche Bank', 'deutsche-bank', 'DE0005140008'),
  xetra('DB1.DE', 'Deutsche Börse', 'deutsche-boerse', 'DE0005810055'),
  xetra('DHL.DE', 'DHL Group', 'dhl', 'DE0005552004'),
  xetra('DTE.DE', 'Deutsche Telekom', 'deutsche-telekom', 'DE0005557508'),
  xetra('EOAN.DE', 'E.ON', 'eon', 'DE000ENAG999'),
  xetra('FRE.DE', 'Fresenius', 'fresenius', 'DE0005785604'),
  xetra('FME.DE', 'Fresenius Medical Care', 'fresenius-medical-care', 'DE0005785802'),
  xetra('HNR1.DE', 'Hannover Rück', 'hannover-re', 'DE0008402215'),
  xetra('HEI.DE', 'Heidelberg Materials', 'heidelberg-materials', 'DE0006047004'),
  xetra('HEN3.DE', 'Henkel (Vz.)', 'henkel', 'DE0006048432'),
  xetra('IFX.DE', 'Infineon Technologies', 'infineon', 'DE0006231004'),
  xetra('MBG.DE', 'Mercedes-Benz Group', 'mercedes-benz', 'DE0007100000'),
  xetra('MRK.DE', 'Merck KGaA', 'merck-kgaa', 'DE0006599905'),
  xetra('MTX.DE', 'MTU Aero Engines', 'mtu', 'DE000A0D9PT0'),
  xetra('MUV2.DE', 'Münchener Rück', 'munich-re', 'DE0008430026'),
  xetra('P911.DE', 'Porsche AG (Vz.)', 'porsche', 'DE000PAG9113'),
  xetra('PAH3.DE', 'Porsche Automobil Holding (Vz.)', 'porsche-se', 'DE000PAH0038'),
  xetra('QIA.DE', 'Qiagen', 'qiagen', 'NL0015002CX3'),
  xetra('RHM.DE', 'Rheinmetall', 'rheinmetall', 'DE0007030009'),
  xetra('RWE.DE', 'RWE', 'rwe', 'DE0007037129'),
  xetra('SAP.DE', 'SAP', 'sap', 'DE0007164600'),
  xetra('SRT3.DE', 'Sartorius (Vz.)', 'sartorius', 'DE0007165631'),
  xetra('SIE.DE', 'Siemens', 'siemens', 'DE0007236101'),
  xetra('ENR.DE', 'Siemens Energy', 'siemens-energy', 'DE000ENER6Y0'),
  xetra('SHL.DE', 'Siemens Healthineers', 'siemens-healthineers', 'DE000SHL1006'),
  xetra('SY1.DE', 'Symrise', 'symrise', 'DE000SYM9999'),
  xetra('VOW3.DE', 'Volkswagen (Vz.)', 'volkswagen', 'DE0007664039'),
  xetra('VNA.DE', 'Vonovia', 'vonovia', 'DE000A1ML7J1'),
  xetra('ZAL.DE', 'Zalando', 'zalando', 'DE000ZAL1111'),

  // Indices run on the calendar and clock of their home exchange.
  index('^HSI', 'Hang Seng Index', 'HKEX', 'HKD', ['Hang Seng', 'HSI', '恒生指数', '恒生指數', '恒指']),
  index('^HSTECH', 'Hang Seng TECH Index', 'HKEX', 'HKD', ['Hang Seng Tech', 'HSTECH', '恒生科技指数', '恒生科技指數']),
  index('^GSPC', 'S&P 500', 'NYSE', 'USD', ['S&P 500', 'SP500', 'SPX', '标普500']),
  index('^DJI', 'Dow Jones Industrial Average', 'NYSE', 'USD', ['Dow Jones', 'Dow', '道琼斯']),
  index('^IXIC', 'Nasdaq Composite', 'NASDAQ', 'USD', ['Nasdaq Composite', 'Nasdaq', '纳斯达克']),
  index('^GDAXI', 'DAX', 'XETRA', 'EUR', ['DAX', 'DAX 40', 'Deutscher Aktienindex']),

  fx('USD', 'HKD'),
  fx('EUR', 'USD'),
  fx('HKD', 'EUR'),
  fx('EUR', 'HKD'),
  fx('USD', 'EUR'),
  fx('CNY', 'EUR'),
  fx('USD', 'CNY'),
  fx('EUR', 'CNY'),
];
