import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '@shared/api/contract';
import { handlers } from './router';
import { tempBackend } from './testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.dispose());

describe('router', () => {
  it('has exactly one handler for every contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(Object.keys(contract))('%s rejects malformed input with a typed VALIDATION error', async (method) => {
    for (const bad of ['not an object', 42, [1, 2], { definitelyNotAField: true, __proto__: null }]) {
      const result = await backend.dispatch(method, bad);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message.length).toBeGreaterThan(5);
      }
    }
  });

  // Methods that need no input, on the sample portfolio: each answers, and (test mode) its output passes its output schema.
  const noInput = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].input.safeParse({}).success && !('mutates' in contract[m]));
  it.each(noInput)('%s returns what its output schema describes', async (method) => {
    expect(await backend.dispatch('demo.load', {})).toMatchObject({ ok: true });
    const result = await backend.dispatch(method, {});
    expect(result).toMatchObject({ ok: true });
  });

  it('fails a handler whose output its schema rejects (test mode), naming the method', async () => {
    const original = handlers['settings.get'];
    (handlers as Record<string, unknown>)['settings.get'] = () => ({ baseCurrency: 42 });
    try {
      const result = await backend.dispatch('settings.get', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      if (!result.ok) expect(String((result.error.details as { cause?: unknown } | undefined)?.cause)).toMatch(/^OUTPUT_MISMATCH: settings\.get returned/);
    } finally {
      (handlers as Record<string, unknown>)['settings.get'] = original;
    }
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const result = await backend.dispatch('holdings.drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method "holdings.drop".' } });
  });

  it('stores settings and announces the change', async () => {
    const seen: unknown[] = [];
    backend.subscribe((event, payload) => seen.push([event, payload]));
    expect(await backend.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { baseCurrency: 'EUR', theme: 'system', locale: 'en-GB', language: 'system' },
    });
    const updated = await backend.dispatch('settings.update', { baseCurrency: 'hkd' });
    expect(updated).toEqual({ ok: true, value: { baseCurrency: 'HKD', theme: 'system', locale: 'en-GB', language: 'system' } });
    expect(seen).toEqual([['data.changed', { topics: ['settings'] }]]);
    expect(backend.db.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toEqual({ value: '"HKD"' });
  });

  it('explains which field is wrong', async () => {
    const result = await backend.dispatch('settings.update', { baseCurrency: 'EURO' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'baseCurrency: Use a three-letter currency code such as EUR, USD or HKD.' },
    });
  });

  it('turns an unexpected failure into INTERNAL without leaking a stack', async () => {
    backend.db.exec('DROP TABLE settings');
    const result = await backend.dispatch('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
