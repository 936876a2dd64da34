/**
 * A function that makes its value once per key and hands back the same one after: the data a
 * build shapes per language (the lookup map, the analyzer's code map) is built for the first
 * page that asks and shared by every later one.
 */
export function oncePer<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}
