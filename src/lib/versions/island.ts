/**
 * The versions page's data island: the builds the tables show, as JSON for the checker in the
 * browser (buildsToJson at build time, buildsFromJson in the browser).
 */
import { RELEASE_LINES } from '../codes';
import type { Build } from './catalog';

/** The id of the <script type="application/json"> element that carries the builds. */
export const DATA_ISLAND_ID = 'release-data';

/**
 * The builds as JSON for a <script type="application/json"> element. "<" is escaped so a note
 * can never close the element, and U+2028/U+2029 so the text is also a valid script literal.
 */
export function buildsToJson(builds: readonly Build[]): string {
  // Without the notes: the page's tables already carry them, and sending them twice kept the
  // versions page over its 25 KB HTML budget. buildsFromJson takes them back from the table.
  const plain: Omit<Build, 'notes'>[] = builds.map(
    ({
      id,
      line,
      version,
      connector,
      date,
      kb,
      servicePack,
      uncertain,
      note,
      requires,
      requiresInPlaceFrom,
      replacedByPackage,
    }) => ({
      id,
      line,
      version,
      ...(connector ? { connector } : {}),
      ...(date ? { date } : {}),
      ...(kb ? { kb } : {}),
      ...(servicePack ? { servicePack } : {}),
      uncertain,
      ...(note ? { note } : {}),
      ...(requires ? { requires } : {}),
      ...(requiresInPlaceFrom ? { requiresInPlaceFrom } : {}),
      ...(replacedByPackage ? { replacedByPackage } : {}),
    }),
  );
  return JSON.stringify(plain)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const isText = (x: unknown): x is string => typeof x === 'string';
const optionalText = (x: unknown) => x === undefined || isText(x);

/**
 * Reads what buildsToJson wrote, with each build's notes from `notesOf` (in the browser: the
 * build's row of the release table). Throws, saying what is wrong, when the island is missing or
 * damaged.
 */
export function buildsFromJson(text: string | null | undefined, notesOf: (id: string) => string[]): Build[] {
  if (!text) throw new Error(`The release data (#${DATA_ISLAND_ID}) is missing from the page.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`The release data (#${DATA_ISLAND_ID}) is not valid JSON.`);
  }
  if (!Array.isArray(data))
    throw new Error(`The release data (#${DATA_ISLAND_ID}) must be a list of builds.`);
  return data.map((b: Record<string, unknown>, i): Build => {
    const ok =
      b !== null &&
      typeof b === 'object' &&
      isText(b.id) &&
      (RELEASE_LINES as readonly unknown[]).includes(b.line) &&
      isText(b.version) &&
      typeof b.uncertain === 'boolean' &&
      [b.connector, b.date, b.kb, b.servicePack, b.note, b.requires, b.requiresInPlaceFrom].every(
        optionalText,
      ) &&
      (b.replacedByPackage === undefined || b.replacedByPackage === true);
    if (!ok) throw new Error(`The release data (#${DATA_ISLAND_ID}) has a malformed build at position ${i}.`);
    return { ...(b as unknown as Omit<Build, 'notes'>), notes: notesOf(b.id as string) };
  });
}
