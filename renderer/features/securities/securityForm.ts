import type { Security } from '@shared/api/securities';
import { i18n } from '@renderer/i18n/i18n';

/**
 * Messages per field from a failed call's details: the router's zod `issues`
 * (path after `under`, e.g. ['patch', 'headline'] → 'headline'), a handler's
 * `fields` list, or a handler's single `field`. Unplaced messages go to 'form'.
 */
export function fieldMessages(details: unknown, message: string, under: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof details !== 'object' || details === null) return out;
  const d = details as { issues?: unknown; fields?: unknown; field?: unknown };
  if (Array.isArray(d.issues)) {
    for (const issue of d.issues as { path?: unknown; message?: unknown }[]) {
      const path = Array.isArray(issue.path) ? issue.path.map(String) : [];
      const inside = under.every((p, i) => path[i] === p) ? path.slice(under.length) : path;
      out[inside[0] ?? 'form'] ??= String(issue.message ?? message);
    }
  }
  if (Array.isArray(d.fields)) {
    for (const f of d.fields as { field?: unknown; message?: unknown }[]) {
      if (typeof f.field === 'string') out[f.field] ??= typeof f.message === 'string' ? f.message : message;
    }
  }
  if (typeof d.field === 'string') out[d.field] ??= message;
  return out;
}

/** "Alibaba, 阿里；BABA、阿里巴巴" → ['Alibaba', '阿里', 'BABA', '阿里巴巴']: commas (also CJK ones) and semicolons separate. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;，；、]/)) {
    const item = part.trim();
    if (item === '' || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

export interface SecurityFormValues {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  kind: Security['kind'];
  isin: string;
  sharesPerUnit: string;
  aliases: string;
}

export function formValues(s: Security): SecurityFormValues {
  return {
    symbol: s.symbol,
    name: s.name,
    exchange: s.exchange,
    currency: s.currency,
    kind: s.kind,
    isin: s.isin ?? '',
    sharesPerUnit: String(s.sharesPerUnit),
    aliases: s.aliases.join(', '),
  };
}

export interface SecurityPatch {
  symbol?: string;
  name?: string;
  exchange?: string;
  currency?: string;
  kind?: Security['kind'];
  isin?: string | null;
  sharesPerUnit?: number;
  aliases?: string[];
}

/**
 * Only what the user changed, so an untouched field never trips a rule (a
 * currency that cannot change while transactions exist). Text that is no
 * number at all cannot reach the API as one; it comes back as a field error.
 */
export function securityPatch(before: Security, v: SecurityFormValues): { patch: SecurityPatch; errors: Record<string, string> } {
  const patch: SecurityPatch = {};
  const errors: Record<string, string> = {};
  const symbol = v.symbol.trim().toUpperCase();
  if (symbol !== before.symbol) patch.symbol = symbol;
  if (v.name.trim() !== before.name) patch.name = v.name.trim();
  if (v.exchange.trim() !== before.exchange) patch.exchange = v.exchange.trim();
  const currency = v.currency.trim().toUpperCase();
  if (currency !== before.currency) patch.currency = currency;
  if (v.kind !== before.kind) patch.kind = v.kind;
  const isin = v.isin.trim().toUpperCase();
  if ((isin === '' ? null : isin) !== before.isin) patch.isin = isin === '' ? null : isin;
  const ratioText = v.sharesPerUnit.trim().replace(',', '.');
  const ratio = ratioText === '' ? Number.NaN : Number(ratioText);
  if (Number.isNaN(ratio)) errors.sharesPerUnit = i18n.t('securities:form.sharesPerUnitInvalid');
  else if (ratio !== before.sharesPerUnit) patch.sharesPerUnit = ratio;
  const aliases = splitList(v.aliases);
  if (aliases.join('\u0000') !== before.aliases.join('\u0000')) patch.aliases = aliases;
  return { patch, errors };
}
