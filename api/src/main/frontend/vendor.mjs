// Copies the chart library (minified UMD build) and its licence into the dashboard's static
// resources. Run `npm ci && npm run vendor` here after changing the version in package.json;
// commit the copied files: the Java build serves them and never runs npm.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'resources', 'dashboard', 'vendor');
const chartJs = join(here, 'node_modules', 'chart.js');
const version = JSON.parse(readFileSync(join(chartJs, 'package.json'), 'utf8')).version;

mkdirSync(target, { recursive: true });
copyFileSync(join(chartJs, 'dist', 'chart.umd.min.js'), join(target, 'chart.umd.min.js'));
copyFileSync(join(chartJs, 'LICENSE.md'), join(target, 'chart.js-LICENSE.md'));
console.log(`vendored chart.js ${version} into ${target}`);
