/** Part 6, pasted text: its section of bench/RESULTS.md. */
import { heading, kb, ms, table } from './format.mjs';

export function pasteSection(p) {
  const out = [
    ...heading('6. Pasted text: what reading a paste costs', p.machine),
    `The message index (\`lookup-messages.json\`: the product's message texts and the words of every code and step page) is fetched only when the lookup reads a pasted text; an exact hit still reads one shard. Sizes per language (English shown): message index ${kb(p.bytes.messages.gzip)} gzip (${kb(p.bytes.messages.raw)} raw); whole map \`lookup-index.json\` ${kb(p.bytes.index.gzip)} gzip; the exact-hit shard for "6" ${kb(p.bytes.shard6.gzip)} gzip. A paste therefore costs ${kb(p.bytes.messages.gzip + p.bytes.index.gzip)} gzip of lookup data once, then nothing more for later pastes.`,
    '',
    `Main-thread time of one read, median of ${p.runs} runs per input. **After**: what the lookup does once per settled input (the exact tier, then \`readPaste\` with the message index). **Before** (revision ${p.beforeRev}, the one the reliability probe measured): \`normalizeCode\` + \`lookupExact\` + \`lookup\`, which the old UI ran on every keystroke. Both are the same bundled code in Node and in Chromium (a page with only the reader and the built site's data). In Node the time is the process's CPU time, which the machine's load hardly moves; in Chromium it is wall time (a page has no CPU clock), which a busy machine inflates. Limit: 50 ms.`,
    '',
    `**Worst case:** Chromium ${ms(p.worst.chromium.before)} before, **${ms(p.worst.chromium.after)} after**; Node ${ms(p.worst.node.before)} before, ${ms(p.worst.node.after)} after. The realistic 10,000-character paste: ${ms(p.realistic.chromium.after)} in Chromium.`,
    '',
    table(
      [
        'input',
        'characters (after NFKC)',
        'Chromium before',
        'Chromium after',
        'Node before (CPU)',
        'Node after (CPU)',
        'candidates',
      ],
      p.rows.map((r) => [
        r.label,
        `${r.length.toLocaleString('en')} (${r.normalized.toLocaleString('en')})`,
        ms(r.chromium.before),
        `${ms(r.chromium.after)}${r.chromium.after <= 50 ? ' ✅' : ' ❌'}`,
        ms(r.node.before),
        ms(r.node.after),
        String(r.candidates),
      ]),
    ),
  ];
  const onPage = p.rows.filter((r) => r.page);
  if (onPage.length)
    out.push(
      '',
      '### On the lookup page, in Chromium',
      '',
      `Each input is pasted into the box of \`/lookup/\` (an \`input\` event of type \`insertFromPaste\`, after the box was emptied), in the built site and in a build of ${p.beforeRev}, after one warm-up paste has loaded the lookup code, the map, the message index and Pagefind. Main-thread time is the sum of the tasks of the renderer main thread in a Chromium trace (\`bench/lib/trace.mjs\`), from the paste until the page has settled: results rendered, full-text search included, nothing changed for 400 ms and the network idle, as the thread's CPU time and as wall time (which swings with the load of the machine: a task waits for a core). It counts everything the page did, the bench's own polling included. Median of ${p.pageRuns} runs; longest task is the longest in any run. Goals: under 50 ms for any input up to the limit, under 100 ms for a 10,000-character paste. ${p.beforeRev}'s box was an \`<input>\`, which drops line breaks; before, every further keystroke cost the same again, now a keystroke waits for the input to settle.`,
      '',
      table(
        ['input', 'before: CPU, wall (longest task CPU)', 'after: CPU, wall (longest task CPU)'],
        onPage.map((r) => {
          const cell = (x, goal) =>
            x.mainThreadCpuMs === undefined
              ? `${ms(x.mainThreadMs)} wall`
              : `${ms(x.mainThreadCpuMs)}${goal ? (x.mainThreadCpuMs < goal ? ' ✅' : ' ❌') : ''}, ${ms(x.mainThreadMs)} (${ms(x.longestTaskCpuMs)})`;
          return [r.label, cell(r.page.before), cell(r.page.after, r === p.rows[0] ? 100 : 50)];
        }),
      ),
    );
  return out.join('\n');
}
