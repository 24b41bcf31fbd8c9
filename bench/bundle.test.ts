import { describe, expect, it } from 'vitest';
import { firstScreenScripts } from './bundle';

/** out/renderer/index.html as electron-vite 6 (Vite 8, rolldown) built it on 5 Dec 2026, verbatim. */
const BUILT_INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" type="image/svg+xml" href="./assets/favicon-BZgFx8wb.svg" />
    <title>Tickerline</title>
    <script type="module" crossorigin src="./assets/index-CgNG9ixk.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/rolldown-runtime-XKyaHtl9.js">
    <link rel="modulepreload" crossorigin href="./assets/react-C1iE8mnY.js">
    <link rel="modulepreload" crossorigin href="./assets/components-DoegvL_v.js">
    <link rel="modulepreload" crossorigin href="./assets/format-DBEiUALf.js">
    <link rel="stylesheet" crossorigin href="./assets/index-CdX0NJly.css">
    <link rel="stylesheet" crossorigin href="./assets/components-Iv7AdPrM.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

describe('firstScreenScripts', () => {
  it('reads the entry and the four modulepreloads of the built page, in order, as paths under out/renderer', () => {
    // 1 module script + 4 modulepreload links = 5 files; the icon and the 2 stylesheets are not scripts.
    expect(firstScreenScripts(BUILT_INDEX_HTML)).toEqual({
      entry: 'assets/index-CgNG9ixk.js',
      preloaded: ['assets/rolldown-runtime-XKyaHtl9.js', 'assets/react-C1iE8mnY.js', 'assets/components-DoegvL_v.js', 'assets/format-DBEiUALf.js'],
    });
  });

  it('takes root-relative paths too (a build with base "/"), and a page without preloads', () => {
    const html = '<script type="module" crossorigin src="/assets/index-Ab12.js"></script>\n<link rel="stylesheet" href="/assets/index-Cd34.css">';
    expect(firstScreenScripts(html)).toEqual({ entry: 'assets/index-Ab12.js', preloaded: [] });
  });

  it('refuses a page without a module script, instead of measuring nothing', () => {
    const classic = BUILT_INDEX_HTML.replace('<script type="module" crossorigin src="./assets/index-CgNG9ixk.js"></script>', '<script src="./assets/legacy.js"></script>');
    expect(() => firstScreenScripts(classic)).toThrow('index.html has no module script');
  });
});
