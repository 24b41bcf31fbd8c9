/** Public surface of news parsing, linking and claim extraction. */
export { instantOf, isSponsored, localDateIn, SPONSORED_TAG } from './news-event';
export type { NewsEvent, NewsParseError, NewsParseResult, ParsedNewsItem } from './news-event';
export { parseArticleText } from './article-text';
export { detectNewsCsvMapping, parseNewsCsv, type NewsCsvMapping } from './news-csv';
export { parseNewsJson } from './news-json';
export { parseFeed } from './feed';
export { detectNewsFile, newsImportFailure, type DetectedNewsFile, type NewsFileFormat } from './detect';
export { createLinker, linkSecurities, type LinkCandidate, type LinkField, type LinkReason, type Linkable, type SecurityLink } from './link';
export { extractClaims, type ClaimDirection, type ClaimHorizon, type ClaimQualifier, type PriceClaim } from './claims';
export { claimsFor, claimText, compareLinks, type ClaimSource, type OrderedLink } from './event-claims';
export { newsDedupeKey, normalizeHeadline, normalizeNewsUrl } from './dedupe';
export { parseTimestamp, type PublishedAt } from './published-at';
