import { useEffect, useState, type DependencyList } from "react";

/**
 * Loads data from the API whenever `dependencies` change, keeping the last data while the next loads and
 * ignoring answers that arrive after a newer request (a fast typist must not see an older search win).
 */
export function useApiData<T>(load: () => Promise<T>, dependencies: DependencyList) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [isLoading, setLoading] = useState(true);

  useEffect(() => {
    let isCurrent = true;
    setLoading(true);
    load()
      .then((loaded) => {
        if (!isCurrent) return;
        setData(loaded);
        setError(undefined);
      })
      .catch((caught: unknown) => isCurrent && setError(caught))
      .finally(() => isCurrent && setLoading(false));
    return () => {
      isCurrent = false;
    };
    // The caller names what the load depends on, as with useEffect itself.
  }, dependencies);

  return { data, error, isLoading };
}
