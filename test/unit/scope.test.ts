import { describe, expect, it } from 'vitest';
import { hostPatternOf, inScope, isValidMatchPattern, scopeExpressions, scopeForUrl, registrablePatterns } from '../../src/core/journey/scope';
import { matchesScope } from '../../src/core/journey/scope-match';

const matchesPattern = (url: string, pattern: string) => inScope(url, [pattern]);
import { routeOf, storableSource, storableUrl } from '../../src/core/journey/route';

describe('study scope (match patterns)', () => {
  it('accepts the browser match-pattern grammar and refuses the rest', () => {
    for (const ok of ['https://shop.test/*', 'http://localhost:4310/*', '*://*.shop.test/shop/*', 'https://*/*']) expect(isValidMatchPattern(ok), ok).toBe(true);
    for (const bad of ['shop.test', 'ftp://x/*', 'https://shop.test', 'https://sh*p.test/*', 'javascript://x/*']) expect(isValidMatchPattern(bad), bad).toBe(false);
  });

  it('matches scheme, host, subdomains, port and path', () => {
    expect(matchesPattern('https://www.shop.test/a', '*://*.shop.test/*')).toBe(true);
    expect(matchesPattern('https://shop.test/a', '*://*.shop.test/*')).toBe(true);
    expect(matchesPattern('https://evilshop.test/a', '*://*.shop.test/*')).toBe(false);
    expect(matchesPattern('http://localhost:4310/x', 'http://localhost:4310/*')).toBe(true);
    expect(matchesPattern('http://localhost:5000/x', 'http://localhost:4310/*')).toBe(false);
    expect(matchesPattern('http://localhost:5000/x', 'http://localhost/*')).toBe(true);
    expect(matchesPattern('https://shop.test/blog/x', 'https://shop.test/shop/*')).toBe(false);
    expect(matchesPattern('not a url', 'https://*/*')).toBe(false);
  });

  it('follows the browser on ports, case, queries and hosts that only look alike', () => {
    // An explicit default port is the URL without one (URLs drop it), and only for its own scheme.
    expect(matchesPattern('http://shop.test/a', 'http://shop.test:80/*')).toBe(true);
    expect(matchesPattern('https://shop.test/a', '*://shop.test:80/*')).toBe(false);
    expect(matchesPattern('http://shop.test:8080/a', '*://shop.test:*/*')).toBe(true);
    expect(matchesPattern('http://[::1]:8080/a', 'http://*/*')).toBe(true);
    // Hosts compare as the URL writes them: lower case.
    expect(matchesPattern('https://SHOP.test/a', 'https://Shop.Test/*')).toBe(true);
    // The path expression sees the query, never the fragment.
    expect(matchesPattern('https://shop.test/p?x=1', 'https://shop.test/p?x=*')).toBe(true);
    expect(matchesPattern('https://shop.test/p#x=1', 'https://shop.test/p#x=*')).toBe(false);
    for (const lookalike of ['https://shop.test.evil.test/', 'https://evil.test/shop.test/', 'https://shop.testx/', 'https://user@evil.test/?shop.test/']) {
      expect(matchesPattern(lookalike, '*://*.shop.test/*'), lookalike).toBe(false);
    }
    // Regular-expression characters in a pattern are literal.
    expect(matchesPattern('https://shopxtest/a', 'https://shop.test/*')).toBe(false);
    expect(matchesPattern('https://shop.test/a+b', 'https://shop.test/a+b')).toBe(true);
  });

  it('gives a page its scope as expressions that decide as the patterns do', () => {
    const scope = ['*://*.shop.test/*', 'http://localhost:4310/shop/*'];
    const urls = ['https://www.shop.test/x', 'http://localhost:4310/shop/a', 'http://localhost:4310/blog', 'https://evil.test/'];
    expect(urls.map((url) => matchesScope(url, scopeExpressions(scope)))).toEqual([true, true, false, false]);
    expect(scopeExpressions(['not a pattern'])).toEqual([]);
  });

  it('is in scope when any pattern matches', () => {
    expect(inScope('http://127.0.0.1:4310/', ['http://localhost:4310/*', 'http://127.0.0.1:4310/*'])).toBe(true);
    expect(inScope('http://127.0.0.1:4311/', ['http://127.0.0.1:4310/*'])).toBe(false);
  });

  it('derives a site pattern from a URL and a registrable host pattern from a scope pattern', () => {
    expect(scopeForUrl('https://shop.test:8443/p/1?x')).toBe('https://shop.test:8443/*');
    expect(scopeForUrl('chrome://settings')).toBeNull();
    expect(hostPatternOf('http://localhost:4310/shop/*')).toBe('http://localhost/*');
    const scopes = ['https://shop.test/p/*', 'http://localhost:4310/shop/*', '*://*.shop.test:*/*', 'http://localhost:5000/shop/*'];
    expect(registrablePatterns(scopes, true)).toEqual(['*://*.shop.test:*/*', 'http://localhost:4310/shop/*', 'http://localhost:5000/shop/*', 'https://shop.test/p/*']);
    expect(registrablePatterns(scopes, false)).toEqual(['*://*.shop.test/*', 'http://localhost/shop/*', 'https://shop.test/p/*']);
  });

  it('stores URLs without the query or a plain fragment, keeping hash routes', () => {
    expect(storableUrl('https://s.test/search?q=secret#results')).toBe('https://s.test/search');
    expect(storableUrl('https://s.test/help#/article/returns')).toBe('https://s.test/help#/article/returns');
  });

  it('keep no credentials, no hash route’s query, and no more than a record takes', () => {
    expect(storableUrl('https://user:pw@s.test/app#/reset?token=secret')).toBe('https://s.test/app#/reset');
    expect(storableUrl('https://s.test/app#!/reset?token=secret')).toBe('https://s.test/app#!/reset');
    expect(storableUrl(`https://s.test/${'a/'.repeat(2000)}`)).toHaveLength(2000);
    expect(routeOf('https://s.test/app#/reset?token=secret').hashRoute).toBe('/reset');
  });

  it('scrub a page error’s source the same way, and drop one that is no URL', () => {
    expect(storableSource('https://s.test/search?q=secret:3:14')).toBe('https://s.test/search:3:14');
    expect(storableSource('https://s.test/app#/reset?token=secret:1:2')).toBe('https://s.test/app#/reset:1:2');
    for (const junk of ['secret', 'secret:1:2', 'https://s.test/x']) expect(storableSource(junk)).toBeNull();
  });
});

describe('page titles', () => {
  it('have typed query values masked, with a fixed-length mask', async () => {
    const { maskQueryInTitle } = await import('../../src/core/journey/route');
    expect(maskQueryInTitle('Results for “secret phone” – Shop', 'https://s.test/search?q=secret+phone&page=2')).toBe('Results for “•••” – Shop');
    expect(maskQueryInTitle('Results for “a” – Shop', 'https://s.test/search?q=a')).toBe('Results for “a” – Shop');
    expect(maskQueryInTitle('Home', 'https://s.test/')).toBe('Home');
    expect(maskQueryInTitle('x canary x canarycanary', 'https://s.test/?q=canary')).toBe('x ••• x ••••••');
  });

  it('mask whatever the letter case, and a hash route’s query values too', async () => {
    const { maskQueryInTitle } = await import('../../src/core/journey/route');
    expect(maskQueryInTitle('Results for SECRET Phone', 'https://s.test/search?q=secret+phone')).toBe('Results for •••');
    expect(maskQueryInTitle('Reset for alice@x.test', 'https://s.test/app#/reset?email=ALICE@x.test')).toBe('Reset for •••');
  });
});
