/**
 * Every record (or key) of one object store of the extension's database. Runs inside the browser (the worker, or one of
 * the extension's pages), passed whole to `evaluate`: it must not reach anything outside itself.
 */
export function readAllInBrowser([name, read]: readonly [string, 'getAll' | 'getAllKeys']): Promise<unknown[]> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('journey-lens');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(name).objectStore(name)[read]();
      request.onsuccess = () => {
        done(request.result);
        open.result.close();
      };
      request.onerror = () => fail(request.error);
    };
  });
}
