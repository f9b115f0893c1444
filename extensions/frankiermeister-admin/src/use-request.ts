import { useEffect, useState } from "preact/hooks";

export type Loadable<T> =
  { state: "loading" } | { state: "failed"; error: unknown } | { state: "ready"; value: T };

/**
 * Runs `load` when `key` changes (and again on `reload()`); answers that arrive after the component
 * moved on are dropped.
 */
export function useRequest<T>(load: () => Promise<T>, key: string): [Loadable<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Loadable<T>>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setResult({ state: "loading" });
    load().then(
      (value) => current && setResult({ state: "ready", value }),
      (error: unknown) => current && setResult({ state: "failed", error }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; `key` says when it asks for something else.
  }, [key, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}
