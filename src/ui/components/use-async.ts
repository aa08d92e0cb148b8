import { useCallback, useState } from 'preact/hooks';
import { ApiError } from '../api';

/** Runs a UI action, keeping its error message for display; `busy` guards against double submits. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(describeError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError && error.issues.length) {
    return `${error.message}: ${error.issues.map((issue) => `${issue.path} – ${issue.message}`).join('; ')}`;
  }
  return error instanceof Error ? error.message : String(error);
}
