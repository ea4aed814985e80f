// Bundles src/editor.js and src/editor.css into wwwroot/newsroom (or the folder given as argument).
// Minified, no source maps: the output is committed and compared byte for byte by scripts/check-editor-bundle.sh.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] ?? path.join(here, '../../wwwroot/newsroom'));
const common = { bundle: true, minify: true, sourcemap: false, logLevel: 'warning', absWorkingDir: here, charset: 'utf8' };

await build({ ...common, entryPoints: ['src/editor.js'], outfile: path.join(outdir, 'editor.js'), format: 'iife', target: ['es2020'] });
await build({ ...common, entryPoints: ['src/editor.css'], outfile: path.join(outdir, 'editor.css') });
