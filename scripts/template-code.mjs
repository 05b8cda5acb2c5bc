// Rewrites of the code Handlebars compiles templates to, applied by build-templates.mjs. Each
// keeps the text a template renders and saves work the runtime would do for every container.

/** A source location as a compiled template writes it, e.g. `{"start":{"line":3,...}}`. */
const position = String.raw`\{"line":\d+,"column":\d+\}`;
const location = String.raw`\{"start":${position},"end":${position}\}`;

/**
 * A compiled template passes a source location, such as
 * `{"start":{"line":3,"column":17},"end":{"line":3,"column":21}}`, with every value it places
 * and every helper it calls: an object built afresh each time, half a million times for a
 * 10,000-container file, only to be read if the lookup fails. Each distinct location is built
 * once, at load, and shared.
 */
export function shareLocations(code) {
  const locations = new Map();
  const shared = code.replace(new RegExp(location, 'g'), (literal) => {
    if (!locations.has(literal)) locations.set(literal, locations.size);
    return `locations[${locations.get(literal)}]`;
  });
  const table = [...locations.keys()].map((literal) => `  Object.freeze(${literal}),`);
  return `const locations = [\n${table.join('\n')}\n];\n${shared}`;
}

const program = String.raw`container\.program\((\d+), data, 0\)`;

/** What a compiled `{{#if}}` (without `includeZero`) passes the helper after its condition. */
const ifOptions = new RegExp(
  String.raw`^,\{"name":"if","hash":\{\},"fn":${program},` +
    String.raw`"inverse":(?:${program}|container\.noop),"data":data,"loc":${location}\}\)`,
);

/** The test of Handlebars' `if` helper: whether its first block is the one rendered. */
export const ifHolds = `function ifHolds(condition, self) {
  const value = typeof condition === 'function' ? condition.call(self) : condition;
  return !(!value || (Array.isArray(value) && value.length === 0));
}
`;

/**
 * A compiled `{{#if}}` calls the `if` helper through the runtime: an options object, a wrapper
 * function for each of its two blocks and the runtime's helper wrapper, half a kilobyte and a
 * dozen calls, some twenty times per container. Each call is replaced by the test the helper
 * makes (`ifHolds`) and a direct call of the chosen block, which is what the helper's
 * `options.fn(this)` does in a template that uses neither block parameters nor `../`. An
 * `{{#if}}` compiled to any other form stops the build rather than being left slow.
 */
export function inlineIfs(key, spec) {
  if (/"use(Depths|BlockParams)":true/.test(spec)) return spec;
  const call = 'lookupProperty(helpers,"if").call(';
  let inlined = '';
  let from = 0;
  for (let at = spec.indexOf(call); at >= 0; at = spec.indexOf(call, from)) {
    const context = argumentEnd(spec, at + call.length);
    const condition = spec.indexOf(',{"name":"if"', context + 1);
    const match = ifOptions.exec(spec.slice(condition));
    if (!match) throw new Error(`${key}: an {{#if}} compiled to a form this script does not know`);

    const self = `(${spec.slice(at + call.length, context)})`;
    const block = (index) =>
      index === undefined
        ? '""'
        : `container.fn(${index})(container, ${self}, helpers, partials, data)`;
    inlined += spec.slice(from, at);
    inlined += `(ifHolds(${spec.slice(context + 1, condition)}, ${self}) ? ${block(match[1])}`;
    inlined += ` : ${block(match[2])})`;
    from = condition + match[0].length;
  }
  return inlined + spec.slice(from);
}

/** Where the call argument that starts at `from` ends: its comma, outside any parentheses. */
function argumentEnd(code, from) {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')') depth--;
    else if (code[i] === ',' && depth === 0) return i;
  }
  throw new Error('unbalanced parentheses in a compiled template');
}
