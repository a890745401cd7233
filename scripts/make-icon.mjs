// Renders images/icon.svg to the 128×128 PNG the Marketplace manifest needs.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
const png = new Resvg(readFileSync('images/icon.svg'), { fitTo: { mode: 'width', value: 128 } }).render().asPng();
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${png.length} bytes`);
