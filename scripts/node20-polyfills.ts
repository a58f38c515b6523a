/**
 * Vitest 5's reporter calls Map.groupBy (Node 21+) when it prints a failure; on Node 20 that crash hides the
 * failure itself. The configs import this before anything runs.
 */
const mapConstructor = Map as unknown as { groupBy?: unknown };
if (typeof mapConstructor.groupBy !== "function") {
  mapConstructor.groupBy = <K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K): Map<K, V[]> => {
    const groups = new Map<K, V[]>();
    let index = 0;
    for (const item of items) {
      const key = keyOf(item, index++);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  };
}
