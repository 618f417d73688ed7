'use strict';
// A Terraform module as data: every .tf file of a directory parsed by @cdktf/hcl2json (the HCL
// parser Terraform uses, compiled to WebAssembly) and merged, plus the references its expressions
// make. No terraform binary, no provider schemas: names and wiring only.
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('@cdktf/hcl2json');

const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
const RESOURCE_PREFIX = '(?:aws|random|null|time|archive|tls|local)_[a-z0-9_]+';

async function loadModule(dir) {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.tf')).sort();
  if (files.length === 0) {
    throw new Error(`${dir}: no .tf files`);
  }
  const module = { dir, files, variable: {}, output: {}, locals: {}, resource: {}, data: {}, module: {} };
  for (const file of files) {
    let parsed;
    try {
      parsed = await parse(file, fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`${path.join(dir, file)}: ${error.message}`);
    }
    for (const [name, blocks] of Object.entries(parsed.variable || {})) module.variable[name] = blocks[0];
    for (const [name, blocks] of Object.entries(parsed.output || {})) module.output[name] = blocks[0];
    for (const [name, blocks] of Object.entries(parsed.module || {})) module.module[name] = blocks[0];
    for (const block of parsed.locals || []) Object.assign(module.locals, block);
    for (const kind of ['resource', 'data']) {
      for (const [type, byName] of Object.entries(parsed[kind] || {})) {
        module[kind][type] = { ...(module[kind][type] || {}), ...Object.fromEntries(Object.entries(byName).map(([n, b]) => [n, b[0]])) };
      }
    }
  }
  return module;
}

/** The contents of every ${...} in a parsed value (nested braces balanced). */
function expressions(value, found = []) {
  if (typeof value === 'string') {
    for (let start = value.indexOf('${'); start >= 0; start = value.indexOf('${', start + 2)) {
      let depth = 0;
      for (let i = start + 1; i < value.length; i++) {
        if (value[i] === '{') depth++;
        else if (value[i] === '}' && --depth === 0) {
          found.push(value.slice(start + 2, i));
          break;
        }
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((item) => expressions(item, found));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((item) => expressions(item, found));
  }
  return found;
}

function matches(pattern, text) {
  return [...text.matchAll(new RegExp(`(?<![\\w.])${pattern}`, 'g'))];
}

/** What an expression refers to: variables, locals, modules (with output), data sources, resources. */
function references(value) {
  const refs = [];
  for (const expression of expressions(value)) {
    for (const m of matches('var\\.([A-Za-z_][\\w-]*)', expression)) refs.push({ kind: 'var', name: m[1] });
    for (const m of matches('local\\.([A-Za-z_][\\w-]*)', expression)) refs.push({ kind: 'local', name: m[1] });
    for (const m of matches('module\\.([A-Za-z_][\\w-]*)(?:\\[[^\\]]*\\])?(?:\\.([A-Za-z_][\\w-]*))?', expression)) {
      refs.push({ kind: 'module', name: m[1], output: m[2] });
    }
    for (const m of matches(`data\\.(${RESOURCE_PREFIX})\\.([A-Za-z_][\\w-]*)`, expression)) {
      refs.push({ kind: 'data', type: m[1], name: m[2] });
    }
    for (const m of matches(`(${RESOURCE_PREFIX})\\.([A-Za-z_][\\w-]*)`, expression)) {
      refs.push({ kind: 'resource', type: m[1], name: m[2] });
    }
  }
  return refs;
}

/** Where a reference should be declared, or null when it is. */
function unresolved(module, ref, children) {
  switch (ref.kind) {
    case 'var': return ref.name in module.variable ? null : `var.${ref.name} is not declared`;
    case 'local': return ref.name in module.locals ? null : `local.${ref.name} is not declared`;
    case 'data':
    case 'resource': {
      const declared = module[ref.kind][ref.type] && ref.name in module[ref.kind][ref.type];
      return declared ? null : `${ref.kind === 'data' ? 'data.' : ''}${ref.type}.${ref.name} is not declared`;
    }
    case 'module': {
      if (!(ref.name in module.module)) return `module.${ref.name} is not declared`;
      const child = children[ref.name];
      if (child && ref.output && !(ref.output in child.output)) {
        return `module.${ref.name}.${ref.output}: ${module.module[ref.name].source} has no output '${ref.output}'`;
      }
      return null;
    }
    default: return null;
  }
}

/** Every structural problem of a module and, recursively, of the local modules it calls. */
async function problems(dir, seen = new Map()) {
  const key = path.resolve(dir);
  if (seen.has(key)) return [];
  seen.set(key, true);
  const module = await loadModule(dir);
  const where = path.relative(process.cwd(), dir) || '.';
  const found = [];
  const children = {};
  for (const [name, call] of Object.entries(module.module)) {
    const source = call.source;
    const childDir = path.resolve(dir, source || '');
    if (!source || !source.startsWith('.') || !fs.existsSync(childDir) || !fs.statSync(childDir).isDirectory()) {
      found.push(`${where}: module "${name}" source '${source}' is not a local module directory`);
      continue;
    }
    const child = await loadModule(childDir);
    children[name] = child;
    for (const input of Object.keys(call).filter((k) => !META_ARGUMENTS.has(k))) {
      if (!(input in child.variable)) found.push(`${where}: module "${name}" passes '${input}', which ${source} does not declare`);
    }
    for (const [variable, declaration] of Object.entries(child.variable)) {
      if (!('default' in declaration) && !(variable in call)) {
        found.push(`${where}: module "${name}" does not pass required variable '${variable}' of ${source}`);
      }
    }
    found.push(...await problems(childDir, seen));
  }
  const blocks = [['locals', module.locals], ...['resource', 'data'].flatMap((kind) => Object.entries(module[kind])
    .flatMap(([type, byName]) => Object.entries(byName).map(([name, block]) => [`${kind} ${type}.${name}`, block]))),
  ...Object.entries(module.module).map(([name, block]) => [`module "${name}"`, block]),
  ...Object.entries(module.output).map(([name, block]) => [`output "${name}"`, block]),
  ...Object.entries(module.variable).map(([name, block]) => [`variable "${name}"`, block])];
  for (const [label, block] of blocks) {
    for (const ref of references(block)) {
      const problem = unresolved(module, ref, children);
      if (problem) found.push(`${where}: ${label}: ${problem}`);
    }
  }
  for (const [name, declaration] of Object.entries(module.variable)) {
    if (!declaration.description || !declaration.type) found.push(`${where}: variable "${name}" needs a description and a type`);
  }
  for (const [name, declaration] of Object.entries(module.output)) {
    if (!declaration.description || !('value' in declaration)) found.push(`${where}: output "${name}" needs a description and a value`);
  }
  return [...new Set(found)];
}

module.exports = { loadModule, references, problems, expressions };
