// Runs inside the page (injected as a script tag, so the test runner never rewrites it).
// window.__formChecks() measures the rendered official form and lists what a person would see as wrong.
window.__formChecks = function () {
  const TOLERANCE = 0.75;
  const inside = (inner, outer) =>
    inner.left >= outer.left - TOLERANCE &&
    inner.right <= outer.right + TOLERANCE &&
    inner.top >= outer.top - TOLERANCE &&
    inner.bottom <= outer.bottom + TOLERANCE;
  const box = (r) => `[${r.left.toFixed(1)},${r.top.toFixed(1)} ${r.width.toFixed(1)}x${r.height.toFixed(1)}]`;
  const problems = [];
  let symbols = 0;
  let cells = 0;
  let hyphens = 0;
  const sheets = [...document.querySelectorAll('svg[data-sheet]')];
  for (const svg of sheets) {
    const where = `sheet ${svg.getAttribute('data-procedure')}/${svg.getAttribute('data-sheet')}`;
    for (const symbol of svg.querySelectorAll('[data-symbol]')) {
      symbols++;
      const actor = symbol.getAttribute('data-actor');
      const column = svg.querySelector(`[data-actor-column="${CSS.escape(actor)}"]`);
      if (!column) {
        problems.push(`${where}: no column for actor ${actor}`);
        continue;
      }
      const s = symbol.getBoundingClientRect();
      const c = column.getBoundingClientRect();
      if (!inside(s, c)) problems.push(`${where}: step ${symbol.getAttribute('data-step-number')} symbol ${box(s)} outside column ${actor} ${box(c)}`);
    }
    for (const cell of svg.querySelectorAll('[data-cell]')) {
      const text = cell.querySelector('text');
      if (!text) continue;
      cells++;
      const t = text.getBoundingClientRect();
      const r = cell.querySelector('rect').getBoundingClientRect();
      if (!inside(t, r)) problems.push(`${where}: ${cell.getAttribute('data-cell')} text "${text.textContent.slice(0, 40)}" ${box(t)} overflows its cell ${box(r)}`);
    }
  }
  // A word broken at a line's end shows its hyphen: the glyph drawn, with a width (not a soft hyphen,
  // not a character the embedded font lacks). Where words are broken is checked in geometry.ts.
  for (const svg of sheets) {
    const where = `sheet ${svg.getAttribute('data-procedure')}/${svg.getAttribute('data-sheet')}`;
    for (const line of svg.querySelectorAll('[data-cell] tspan, [data-edge-label] tspan, [data-edge-label]:not(:has(tspan))')) {
      const text = line.textContent;
      if (!/[-\u00ad\u2010\u2011]$/.test(text)) continue;
      hyphens++;
      const width = line.getSubStringLength(text.length - 1, 1);
      if (!(width > 0.5)) problems.push(`${where}: the hyphen ending "${text.slice(-20)}" is not drawn (width ${width.toFixed(2)})`);
    }
  }
  const connectors = {};
  // Letters restart at A in each procedure: a pair is one letter within one procedure.
  for (const c of document.querySelectorAll('[data-connector]')) {
    const letter = `${c.closest('svg[data-procedure]')?.getAttribute('data-procedure') ?? ''}/${c.getAttribute('data-connector')}`;
    (connectors[letter] ??= []).push(c.getAttribute('data-role'));
  }
  for (const [letter, roles] of Object.entries(connectors)) {
    if (roles.length !== 2 || !roles.includes('in') || !roles.includes('out')) problems.push(`connector ${letter} appears as ${roles.join(', ')}`);
  }
  return { problems, sheets: sheets.length, symbols, cells, hyphens, connectors: Object.keys(connectors) };
};
