// Tickerline runs on the Node inside Electron 45 (Node 24). npm puts the
// `node@24` devDependency first on PATH for every script, so this only fails
// when a script is started with a different node by hand.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(`Tickerline needs Node 24 (Electron 45's Node); this is Node ${process.versions.node}. Run it through npm scripts (npm run …) so node_modules/.bin/node (node@24) is used.`);
  process.exit(1);
}
console.log(`node ${process.versions.node} ok`);
