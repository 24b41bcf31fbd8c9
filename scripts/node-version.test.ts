import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs on Node 24, the Node inside Electron 45', () => {
    console.log(`tests run on node ${process.versions.node}`);
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('has the built-in node:sqlite the store depends on', async () => {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.stringMatching(/^3\./) });
    db.close();
  });
});
