/**
 * Calls back when the document's URL changes without a page load (history API or hash). The page's own
 * pushState calls are invisible to an isolated world, but the Navigation API's events reach every world;
 * where it is missing, a once-a-second look at location.href does the job.
 */
export function watchRoute(onChange: (url: string) => void, signal: AbortSignal): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  };
  addEventListener('popstate', check, { signal });
  addEventListener('hashchange', check, { signal });
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  const timer = setInterval(check, 1000);
  signal.addEventListener('abort', () => clearInterval(timer));
}
