/**
 * A tiny XML well-formedness check for the SVG tests: balanced tags, quoted unique attributes, only the five
 * predefined (or numeric) entities, no characters XML forbids, one root element. Not a parser: enough to catch an
 * unescaped `<`, `&` or quote in what we write.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Character data directly inside, entities decoded. */
  text: string;
  children: XmlElement[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: string): string {
  if (FORBIDDEN.test(raw)) throw new Error(`forbidden character in ${where}`);
  for (let i = raw.indexOf('&'); i !== -1; i = raw.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(raw)) throw new Error(`bare & in ${where}: ${raw.slice(i, i + 12)}`);
  }
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

export function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text) {
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (text.trim()) throw new Error(`text outside the root: ${text.slice(0, 20)}`);
      } else parent.text += decode(text, `<${parent.name}>`);
    }
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error('unclosed tag');
    const tag = xml.slice(lt + 1, gt);
    if (tag.includes('<')) throw new Error(`< inside a tag: ${tag.slice(0, 40)}`);
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> does not close <${open?.name}>`);
    } else {
      const name = NAME.exec(tag)?.[0];
      if (!name) throw new Error(`bad tag name: ${tag.slice(0, 20)}`);
      let rest = tag.slice(name.length);
      const selfClosing = rest.endsWith('/');
      if (selfClosing) rest = rest.slice(0, -1);
      const attributes: Record<string, string> = {};
      const ATTR = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/;
      for (let m = ATTR.exec(rest); m; m = ATTR.exec(rest)) {
        if (m[1]! in attributes) throw new Error(`duplicate attribute ${m[1]}`);
        attributes[m[1]!] = decode(m[2]!, `${name}@${m[1]}`);
        rest = rest.slice(m[0].length);
      }
      if (rest.trim()) throw new Error(`bad attributes on <${name}>: ${rest.slice(0, 40)}`);
      const element: XmlElement = { name, attributes, text: '', children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new Error('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
    i = gt + 1;
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export function findAll(element: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (test(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(element);
  return out;
}

/** All character data below an element, in document order. */
export function allText(element: XmlElement): string {
  return element.text + element.children.map(allText).join(' ');
}
