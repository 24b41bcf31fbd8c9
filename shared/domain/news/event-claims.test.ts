import { describe, expect, it } from 'vitest';
import { claimsFor, claimText, compareLinks, type OrderedLink } from './event-claims';
import { linkSecurities, type LinkCandidate } from './link';

const X: LinkCandidate = { securityId: 7, symbol: 'XYZ', issuerId: 'xyz', names: ['Xylo Corp', 'Xylo'] };

describe('claimText', () => {
  it('joins headline, a summary the body does not repeat, and the body, one per line', () => {
    expect(claimText({ headline: 'H', summary: 'S', body: 'B' })).toBe('H\nS\nB');
  });
  it('leaves out a summary the body already contains, and empty parts', () => {
    expect(claimText({ headline: 'H', summary: 'first line', body: 'first line. more' })).toBe('H\nfirst line. more');
    expect(claimText({ headline: 'H', summary: '', body: '' })).toBe('H');
  });
});

describe('claimsFor', () => {
  it('counts a move the headline and the body both state once', () => {
    const record = { headline: 'Xylo fell 3%.', summary: '', body: 'Xylo fell 3%. Xylo has gained 35% this year.' };
    const claims = claimsFor(record, linkSecurities(record, [X]));
    expect(claims.map((c) => `${c.securityId} ${c.direction} ${c.qualifier} ${c.percent} ${c.horizon}`)).toEqual([
      '7 down exact 3 day',
      '7 up exact 35 longer',
    ]);
  });
});

describe('compareLinks', () => {
  const link = (symbol: string, state: OrderedLink['state'], reason?: [OrderedLink['reasons'][number]['field'], number]): OrderedLink => ({
    symbol,
    state,
    reasons: reason ? [{ field: reason[0], index: reason[1] }] : [],
  });

  it('orders linked before removed, then by the place of the first reason, then by symbol', () => {
    const links = [
      link('ZZZ', 'removed', ['headline', 0]),
      link('BBB', 'linked'),
      link('AAA', 'linked'),
      link('CCC', 'linked', ['body', 10]),
      link('DDD', 'linked', ['body', 2]),
      link('EEE', 'linked', ['headline', 40]),
    ];
    expect([...links].sort(compareLinks).map((l) => l.symbol)).toEqual(['EEE', 'DDD', 'CCC', 'AAA', 'BBB', 'ZZZ']);
  });
});
