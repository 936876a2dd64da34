/**
 * The version checker in the browser, loaded on first use. It reads the builds from the page's
 * JSON data island (written by buildsToJson, read by buildsFromJson: one pair in
 * src/lib/versions/), answers with src/lib/versions/, renders the answer below the form
 * (versions-render.ts) and keeps the answer's address shareable (?build=, ?connector=).
 */
import {
  buildsFromJson,
  checkBuild,
  DATA_ISLAND_ID,
  MAX_INPUT,
  PARAM_FOR_LINE,
  prepareCatalog,
  type CheckResult,
  type ReleaseLine,
} from '../lib/versions';
import { h } from './dom';
import { readStrings } from './strings';
import { resultRenderer } from './versions-render';

export interface Checker {
  check(form: HTMLFormElement, updateAddress: boolean): void;
}

/** The value to put in a shared link: the build as published when known, else what was read. */
function shareValue(r: CheckResult, raw: string): string {
  if (r.kind === 'error') return raw.trim().slice(0, MAX_INPUT + 1);
  const version = r.kind === 'known' && r.answers.length === 1 ? r.answers[0]!.build.version : r.version;
  return r.connector ? `${r.connector} ${version}` : version;
}

export function attach(root: HTMLElement): Checker {
  const forms = [...root.querySelectorAll<HTMLFormElement>('form[data-line]')];
  const parts = (form: HTMLFormElement) => ({
    line: form.dataset.line as ReleaseLine,
    input: form.querySelector('input')!,
    status: document.getElementById(form.dataset.status ?? '')!,
    result: document.getElementById(form.dataset.result ?? '')!,
  });
  const params = new URLSearchParams(location.search);
  const t = readStrings(root);
  let catalog: ReturnType<typeof prepareCatalog>;
  try {
    catalog = prepareCatalog(
      buildsFromJson(document.getElementById(DATA_ISLAND_ID)?.textContent, (id) =>
        [...(document.getElementById(id)?.querySelectorAll('.vt-notes li') ?? [])].map(
          (li) => li.textContent?.trim() ?? '',
        ),
      ),
    );
  } catch (err) {
    // Say so under each form instead of failing silently; the tables still answer.
    console.error(err);
    for (const f of forms)
      parts(f).result.replaceChildren(
        h('p', { class: 'vc-error', 'data-problem': 'data' }, t('versions.dataError')),
      );
    return { check: () => undefined };
  }
  const render = resultRenderer(t);

  function check(form: HTMLFormElement, updateAddress: boolean) {
    const { line, input, status, result } = parts(form);
    const raw = input.value;
    const r = checkBuild(raw, line, catalog);
    const { nodes, summary } = render(r, raw);
    const url = new URL(location.href);
    const value = shareValue(r, raw);
    if (value) url.searchParams.set(PARAM_FOR_LINE[line], value);
    else url.searchParams.delete(PARAM_FOR_LINE[line]);
    url.hash = '';
    if (r.kind !== 'error')
      nodes.push(
        h('p', { class: 'vc-share' }, h('a', { href: `${url.pathname}${url.search}` }, t('versions.share'))),
      );
    result.replaceChildren(...nodes);
    status.textContent = summary;
    if (updateAddress) history.replaceState(history.state, '', url);
  }

  // A shared link (?build=, ?connector=) fills its form and answers at once.
  for (const f of forms) {
    const value = params.get(PARAM_FOR_LINE[parts(f).line]);
    if (value === null) continue;
    parts(f).input.value = value;
    check(f, false);
  }
  return { check };
}
