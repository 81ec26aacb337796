// Makes Trunk's dist/index.html run under `script-src 'self'`: the inline module
// that boots the wasm is moved into a content-hashed file beside it. Fails loudly
// when an inline script or style remains.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2] || 'dist';
const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (all, attrs, body) => {
  if (/\bsrc=/.test(attrs) || body.trim() === '') return all;
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  fs.writeFileSync(path.join(dist, name), body.trim() + '\n');
  const type = /type="module"/.test(attrs) ? ' type="module"' : '';
  return `<script${type} src="./${name}"></script>`;
});

fs.writeFileSync(indexPath, html);

// Every page in dist/ (index.html, embed-demo.html) must be free of inline code.
const inline = [/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/, /<style\b/, /\sstyle="/, /\son[a-z]+="/];
for (const page of fs.readdirSync(dist).filter((f) => f.endsWith('.html'))) {
  const text = fs.readFileSync(path.join(dist, page), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  for (const re of inline) {
    if (re.test(text)) {
      console.error(`postbuild: ${path.join(dist, page)} has inline code matching ${re}`);
      process.exit(1);
    }
  }
}
