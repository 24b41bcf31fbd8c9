#!/usr/bin/env node
/**
 * Static security scan of the Electron code with @doyensec/electronegativity.
 * Fails (exit 1) on any HIGH or MEDIUM finding that security-allowlist.json
 * does not list with a written reason; lower findings are printed only.
 * Runs offline: the tool's two network look-ups (translations, Electron
 * release notes) are answered with "offline" before it loads, and the
 * release-notes check is excluded because it needs the network.
 *   node scripts/security-scan.mjs [dir …]   (default: electron)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [toolDir] });
const offline = () => Promise.reject(new Error('offline'));
offline.head = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline, children: [], paths: [] };

const quietLog = console.log;
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) quietLog(...args);
};
const run = require('@doyensec/electronegativity');

const ELECTRON_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

const allowFile = join(ROOT, 'security-allowlist.json');
const allowlist = existsSync(allowFile) ? JSON.parse(readFileSync(allowFile, 'utf8')).findings ?? [] : [];
const bad = allowlist.filter((a) => typeof a.check !== 'string' || typeof a.file !== 'string' || typeof a.reason !== 'string' || a.reason.trim().length < 20);
if (bad.length > 0) {
  console.error('security-allowlist.json: every entry needs "check", "file" and a "reason" of at least a sentence:', bad);
  process.exit(1);
}

const inputs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['electron'];
let blocking = 0;
const used = new Set();
for (const input of inputs) {
  const dir = resolve(ROOT, input);
  const result = await run({
    input: dir,
    electronVersionOverride: ELECTRON_VERSION,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: false,
  });
  for (const error of result.errors) console.warn(`could not parse ${relative(ROOT, error.file)}: ${error.message}`);
  for (const issue of result.issues) {
    const file = relative(ROOT, issue.file).split('\\').join('/');
    const severity = issue.severity.name;
    const where = `${file}:${issue.location.line}:${issue.location.column}`;
    const allowed = allowlist.find((a) => a.check === issue.id && (a.file === file || a.file === '*'));
    if (allowed) used.add(allowed);
    const tag = allowed ? 'allowed' : BLOCKING.has(severity) ? 'BLOCKING' : 'note';
    if (!allowed && BLOCKING.has(severity)) blocking++;
    console.log(`${tag.padEnd(8)} ${severity.padEnd(13)} ${issue.id.padEnd(36)} ${where}${allowed ? `\n         reason: ${allowed.reason}` : ''}`);
  }
  console.log(`electronegativity ${relative(ROOT, dir) || '.'}: ${result.issues.length} finding(s), ${result.atomicChecks} atomic and ${result.globalChecks} global checks, Electron ${ELECTRON_VERSION}`);
}
for (const entry of allowlist) if (!used.has(entry)) console.warn(`security-allowlist.json: "${entry.check}" in ${entry.file} no longer matches a finding; remove it.`);
if (blocking > 0) {
  console.error(`\n${blocking} high or medium finding(s) without a reason in security-allowlist.json. Fix them, or explain each there.`);
  process.exit(1);
}
console.log('Security scan passed: no unexplained high or medium findings.');
