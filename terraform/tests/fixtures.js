'use strict';
// Broken variants of the real Terraform, for the tests that prove the checks can fail: a copy of
// terraform/ (without tests/) in a temporary folder with one text replaced. The replaced text must
// exist, so a fixture never silently equals the original.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TERRAFORM = path.resolve(__dirname, '..');
const copies = [];
process.on('exit', () => copies.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function brokenCopy(file, original, replacement) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'curlake-tf-'));
  copies.push(root);
  fs.cpSync(TERRAFORM, root, { recursive: true, filter: (src) => !src.startsWith(path.join(TERRAFORM, 'tests')) });
  const target = path.join(root, file);
  const text = fs.readFileSync(target, 'utf8');
  if (!text.includes(original)) throw new Error(`fixture: ${file} does not contain ${JSON.stringify(original)}`);
  fs.writeFileSync(target, text.replace(original, replacement));
  return root;
}

module.exports = { TERRAFORM, brokenCopy };
