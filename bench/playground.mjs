// The playground's time from a keystroke to the updated form, for the longest SOP of the book, in
// headless Chromium (/usr/bin/chromium, playwright-core): the built page is opened from files, the
// SOP loaded, then characters typed one at a time at the end of a Kegiatan line; for each, the time
// from the keydown to the form's page loaded in its frame (measured in the page). Writes the figures to
// bench/RESULTS.md (section "Playground").
// Usage: node bench/playground.mjs [KEYSTROKES=30]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const keystrokes = Number(process.argv[2] ?? 30);
const dir = mkdtempSync(join(tmpdir(), 'soplint-playground-bench-'));
execFileSync(process.execPath, [join(root, 'editors/playground/build.mjs'), dir], { stdio: 'ignore' });
const sops = readdirSync(join(root, 'sops'))
  .filter((f) => f.endsWith('.sop'))
  .map((f) => ({ name: f, text: readFileSync(join(root, 'sops', f), 'utf8') }));
const longest = sops.sort((a, b) => b.text.length - a.text.length)[0];
const steps = (longest.text.match(/^\s+(?:\d+|\?)\.\s/gm) ?? []).length;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(`${pathToFileURL(join(dir, 'index.html')).href}#sop=${Buffer.from(longest.text, 'utf8').toString('base64url')}`);
await page.waitForSelector('.cm-content');
await page.waitForFunction(() => window.playground.formUpdated().version > 0);
// The cursor at the end of the first step's first line.
const line = longest.text.split('\n').findIndex((l) => /^\s+\d+\.\s/.test(l));
await page.evaluate((lineNumber) => {
  const { view } = window.playground;
  const at = view.state.doc.line(lineNumber + 1).to;
  view.dispatch({ selection: { anchor: at } });
  view.focus();
  window.keydownAt = [];
  view.contentDOM.addEventListener('keydown', () => window.keydownAt.push(performance.now()), { capture: true });
}, line);

const latencies = [];
const renders = [];
for (let i = 0; i < keystrokes; i++) {
  const before = await page.evaluate(() => window.playground.formUpdated().version);
  // A character typed, then taken back: the text stays the SOP's.
  if (i % 2 === 0) await page.keyboard.type('x');
  else await page.keyboard.press('Backspace');
  await page.waitForFunction((v) => window.playground.formUpdated().version > v, before);
  const { at, renderMs } = await page.evaluate(() => window.playground.formUpdated());
  const down = await page.evaluate(() => window.keydownAt.at(-1));
  latencies.push(at - down);
  renders.push(renderMs);
}
await browser.close();
rmSync(dir, { recursive: true, force: true });

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], p90: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] };
};
const total = stats(latencies);
const render = stats(renders);
const ms = (v) => v.toFixed(1);
const load = loadavg()[0];
console.log(
  JSON.stringify({
    sop: longest.name,
    chars: longest.text.length,
    steps,
    keystrokes: latencies.length,
    median: ms(total.median),
    min: ms(total.min),
    p90: ms(total.p90),
    renderMedian: ms(render.median),
    load: load.toFixed(1),
  }),
);

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = `<!-- playground:start -->
## Playground: keystroke to updated form (bench/playground.mjs)

The built playground opened from files in headless Chromium, the longest SOP of the book loaded
(\`sops/${longest.name}\`, ${longest.text.length} characters, ${steps} steps), ${latencies.length} keystrokes typed one at a time;
for each, the time from its keydown to the form's page loaded in its frame (HTML drawn, parsed,
its DOM built), measured in the page; the form follows on the next animation frame, the findings
after a 150 ms pause in typing.
${when} UTC, ${cpus().length} vCPUs, load average ${load.toFixed(1)}, \`node bench/playground.mjs ${keystrokes}\`:

| SOP | keystroke to form, median (ms) | min (ms) | p90 (ms) | drawing the form alone, median (ms) |
|---|---:|---:|---:|---:|
| ${longest.name} | ${ms(total.median)} | ${ms(total.min)} | ${ms(total.p90)} | ${ms(render.median)} |

Goal: under 100 ms median.${load > cpus().length ? ` This run was on a busy machine (load ${load.toFixed(1)} on ${cpus().length} vCPUs).` : ''}
<!-- playground:end -->
`;
const resultsPath = join(root, 'bench/RESULTS.md');
const results = readFileSync(resultsPath, 'utf8');
const pattern = /<!-- playground:start -->[\s\S]*?<!-- playground:end -->\n/;
writeFileSync(resultsPath, pattern.test(results) ? results.replace(pattern, section) : `${results.trimEnd()}\n\n${section}`);
