// Renders every SendGrid template in ../shared/data/templates/sendgrid/ with each of its sample
// data files using handlebars.js (the version pinned in package-lock.json), and writes the output
// to expected/<folder>/<data file name>.html; and the small cases of cases.json to expected/cases.json. These files are the reference the runtime's
// Handlebars.Net engine must match byte for byte (Templates/SendGridReferenceTests.cs).
// Regenerate with: npm ci && node render.js   (never edit the expected files by hand)
'use strict';
const fs = require('fs');
const path = require('path');
const Handlebars = require('handlebars');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const source = path.resolve(repoRoot, '..', 'shared', 'data', 'templates', 'sendgrid');
const target = path.join(__dirname, 'expected');

for (const folder of fs.readdirSync(source).sort()) {
  const dir = path.join(source, folder);
  if (!fs.statSync(dir).isDirectory()) continue;
  const files = fs.readdirSync(dir).sort();
  const templates = files.filter(f => f.endsWith('.html'));
  if (templates.length !== 1) throw new Error(`${folder}: expected one .html template, found ${templates.length}`);
  const template = Handlebars.compile(fs.readFileSync(path.join(dir, templates[0]), 'utf8'));
  fs.mkdirSync(path.join(target, folder), { recursive: true });
  for (const data of files.filter(f => f.endsWith('.json'))) {
    const model = JSON.parse(fs.readFileSync(path.join(dir, data), 'utf8'));
    const out = path.join(target, folder, data.replace(/\.json$/, '.html'));
    fs.writeFileSync(out, template(model), 'utf8');
    console.log(path.relative(__dirname, out));
  }
}
// Small cases for the differences the runtime works around (whitespace of {{else if}} chains,
// escaping, printing of values): cases.json in, expected/cases.json out.
const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'cases.json'), 'utf8'));
const outputs = cases.map(c => ({ name: c.name, output: Handlebars.compile(c.template)(c.data) }));
fs.writeFileSync(path.join(target, 'cases.json'), JSON.stringify(outputs, null, 2) + '\n', 'utf8');
console.log('expected/cases.json');
console.log(`handlebars ${Handlebars.VERSION}`);
