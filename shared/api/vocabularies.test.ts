import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, AppCommand, IMPORT_COMMANDS, importKindOf, navigationTarget } from './commands';
import { FilePayload, MAX_FILE_BASE64_CHARS } from './files';
import { touches } from './topics';

describe('APP_COMMANDS', () => {
  it('maps import commands to their kind and back, and nothing else to a kind', () => {
    expect(importKindOf(IMPORT_COMMANDS.news)).toBe('news');
    expect(APP_COMMANDS.filter((c) => importKindOf(c) !== null)).toEqual(['import-prices', 'import-news', 'import-transactions']);
  });
  it('names the screen of navigate commands only', () => {
    expect(navigationTarget('navigate:charts')).toBe('charts');
    expect(navigationTarget('backup')).toBeNull();
  });
  it('refuses a command outside the vocabulary', () => {
    expect(AppCommand.safeParse('import-everything').success).toBe(false);
  });
});

describe('touches', () => {
  it('is true when a changed topic is shown', () => {
    expect(touches(['prices'], ['securities', 'prices'])).toBe(true);
    expect(touches(['news'], ['securities', 'prices'])).toBe(false);
    expect(touches([], ['prices'])).toBe(false);
  });
});

describe('FilePayload', () => {
  it('allows base64 of 256 MiB (⌈268,435,456 / 3⌉ × 4 = 357,913,944 characters) and no more', () => {
    expect(MAX_FILE_BASE64_CHARS).toBe(357_913_944);
    expect(FilePayload.safeParse({ fileName: ' prices.csv ', contentBase64: 'QQ==' })).toEqual({
      success: true,
      data: { fileName: 'prices.csv', contentBase64: 'QQ==' },
    });
    expect(FilePayload.safeParse({ fileName: '', contentBase64: '' }).success).toBe(false);
  });
});
