/**
 * A list of ids written as one space-separated string, typed as the tuple of its words, so that
 * `idList('a b c')` has the type `readonly ['a', 'b', 'c']` and can feed `z.enum()` and
 * `(typeof X)[number]` like an `as const` array. Lists of ids read as one line of data this way,
 * instead of one quoted id per line.
 */
type Words<S extends string, Acc extends string[] = []> = S extends `${infer Head} ${infer Tail}`
  ? Words<Tail, [...Acc, Head]>
  : [...Acc, S];

export function idList<const S extends string>(ids: S): Readonly<Words<S>> {
  const words = ids.split(' ');
  if (words.some((w) => w === '')) throw new Error(`idList: "${ids}" has an empty id (two spaces?)`);
  return Object.freeze(words) as unknown as Readonly<Words<S>>;
}
