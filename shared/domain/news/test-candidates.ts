import type { LinkCandidate } from './link';

/**
 * A hand-built watch list for tests: the companies of the example article plus
 * listings whose names or tickers collide with ordinary words in it.
 * Not a test itself; shared by link.test.ts and claims.test.ts.
 */
export const ALIBABA_HK: LinkCandidate = { securityId: 1, symbol: '9988.HK', issuerId: 'alibaba', names: ['Alibaba Group Holding Ltd', 'Alibaba', 'Alibaba Group', '阿里巴巴'] };
export const ALIBABA_US: LinkCandidate = { securityId: 2, symbol: 'BABA', issuerId: 'alibaba', names: ['Alibaba Group Holding Ltd ADR'] };
export const KUAISHOU: LinkCandidate = { securityId: 3, symbol: '1024.HK', issuerId: 'kuaishou', names: ['Kuaishou Technology', 'Kuaishou', '快手'] };
export const JD_US: LinkCandidate = { securityId: 4, symbol: 'JD', issuerId: 'jd', names: ['JD.com Inc ADR', 'JD.com', '京东'] };
export const JD_HK: LinkCandidate = { securityId: 5, symbol: '9618.HK', issuerId: 'jd', names: ['JD.com Inc'] };
export const NVIDIA: LinkCandidate = { securityId: 6, symbol: 'NVDA', issuerId: 'nvidia', names: ['NVIDIA Corp', 'Nvidia', '英伟达'] };

export const DISTRACTORS: LinkCandidate[] = [
  { securityId: 10, symbol: '0700.HK', issuerId: 'tencent', names: ['Tencent Holdings', 'Tencent', '腾讯'] },
  { securityId: 11, symbol: 'ON', issuerId: 'onsemi', names: ['ON Semiconductor', 'onsemi'] },
  { securityId: 12, symbol: 'AI', issuerId: 'c3ai', names: ['C3.ai'] },
  { securityId: 13, symbol: 'IT', issuerId: 'gartner', names: ['Gartner'] },
  { securityId: 14, symbol: 'ALL', issuerId: 'allstate', names: ['Allstate'] },
  { securityId: 15, symbol: 'DJT', issuerId: 'trump-media', names: ['Trump Media & Technology Group', 'Trump Media'] },
  { securityId: 16, symbol: 'UNP', issuerId: 'union-pacific', names: ['Union Pacific'] },
  { securityId: 17, symbol: 'H', issuerId: 'hyatt', names: ['Hyatt Hotels'] },
  { securityId: 18, symbol: 'AMD', issuerId: 'amd', names: ['Advanced Micro Devices', 'AMD'] },
  { securityId: 19, symbol: 'SE', issuerId: 'sea', names: ['Sea Ltd'] },
  { securityId: 20, symbol: 'MSFT', issuerId: 'microsoft', names: ['Microsoft'] },
  { securityId: 21, symbol: 'CHINA', issuerId: null, names: ['China Fund'] },
];
