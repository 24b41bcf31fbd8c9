#!/usr/bin/env node
/**
 * Renders build/icon.svg into every icon the installers need:
 *   build/icons/<size>x<size>.png (16 … 1024, Linux), build/icon.png (1024),
 *   build/icon.ico (Windows, 16 … 256), build/icon.icns (macOS).
 * The results are committed; run this only after changing the SVG. Its two
 * tools are not project dependencies; install them next to it first:
 *   npm i --no-save @resvg/resvg-js png2icons && node scripts/make-icons.mjs
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const svg = readFileSync(join(build, 'icon.svg'));
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(join(build, 'icons'), { recursive: true });
for (const size of SIZES) writeFileSync(join(build, 'icons', `${size}x${size}.png`), render(size));
const master = render(1024);
writeFileSync(join(build, 'icon.png'), master);
writeFileSync(join(build, 'icon.ico'), png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true));
writeFileSync(join(build, 'icon.icns'), png2icons.createICNS(master, png2icons.BICUBIC2, 0));
console.log(`Icons written to ${build}`);
