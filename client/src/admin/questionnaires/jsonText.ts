/**
 * JSON as the editor shows it: parsed with the place of every value, so that a syntax error gets
 * its line and column and a problem the server names by path (`survey.pages[1].elements[0]`) its line.
 */

export type JsonSyntaxProblem =
  | { kind: 'unexpected-end' }
  | { kind: 'unexpected-character'; character: string }
  | { kind: 'expected-key' }
  | { kind: 'expected-colon' }
  | { kind: 'expected-comma'; close: '}' | ']' }
  | { kind: 'bad-string' }
  | { kind: 'bad-number' }
  | { kind: 'trailing-content' };

export interface JsonSyntaxError {
  problem: JsonSyntaxProblem;
  offset: number;
}

export type ParsedJson = { ok: true; value: unknown; positions: Map<string, number> } | { ok: false; error: JsonSyntaxError };

/** The root of every path, as the server names the request's `survey` field. */
export const ROOT_PATH = 'survey';

class SyntaxFailure extends Error {
  constructor(readonly error: JsonSyntaxError) {
    super(error.problem.kind);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Strict JSON (as JSON.parse reads it), recording where each value starts: for an object member
 * the position of its key, which is the line a person looks for.
 */
export function parseJson(text: string): ParsedJson {
  const positions = new Map<string, number>();
  let at = 0;
  const fail = (problem: JsonSyntaxProblem, offset = at): never => {
    throw new SyntaxFailure({ problem, offset });
  };
  const skip = () => {
    while (at < text.length && WHITESPACE.has(text[at]!)) at++;
  };
  const unexpected = (): never => (at >= text.length ? fail({ kind: 'unexpected-end' }) : fail({ kind: 'unexpected-character', character: text[at]! }));

  const string = (): string => {
    const start = at;
    STRING_BODY.lastIndex = at + 1;
    if (!STRING_BODY.test(text)) fail({ kind: 'bad-string' }, start);
    at = STRING_BODY.lastIndex;
    return JSON.parse(text.slice(start, at)) as string;
  };

  const value = (path: string): unknown => {
    skip();
    if (!positions.has(path)) positions.set(path, at);
    const char = text[at];
    if (char === '{') {
      at++;
      const result: Record<string, unknown> = {};
      skip();
      if (text[at] === '}') {
        at++;
        return result;
      }
      for (;;) {
        skip();
        if (text[at] !== '"') (at >= text.length ? fail({ kind: 'unexpected-end' }) : fail({ kind: 'expected-key' }));
        const keyAt = at;
        const key = string();
        positions.set(`${path}.${key}`, keyAt);
        skip();
        if (text[at] !== ':') (at >= text.length ? fail({ kind: 'unexpected-end' }) : fail({ kind: 'expected-colon' }));
        at++;
        // defineProperty: a key named __proto__ is data here, as with JSON.parse.
        Object.defineProperty(result, key, { value: value(`${path}.${key}`), enumerable: true, writable: true, configurable: true });
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') {
          at++;
          return result;
        }
        return at >= text.length ? fail({ kind: 'unexpected-end' }) : fail({ kind: 'expected-comma', close: '}' });
      }
    }
    if (char === '[') {
      at++;
      const result: unknown[] = [];
      skip();
      if (text[at] === ']') {
        at++;
        return result;
      }
      for (;;) {
        result.push(value(`${path}[${result.length}]`));
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') {
          at++;
          return result;
        }
        return at >= text.length ? fail({ kind: 'unexpected-end' }) : fail({ kind: 'expected-comma', close: ']' });
      }
    }
    if (char === '"') return string();
    for (const [word, literal] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return literal;
      }
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      NUMBER.lastIndex = at;
      const match = NUMBER.exec(text);
      if (!match) fail({ kind: 'bad-number' });
      at += match![0].length;
      return Number(match![0]);
    }
    return unexpected();
  };

  try {
    const result = value(ROOT_PATH);
    skip();
    if (at < text.length) fail({ kind: 'trailing-content' });
    return { ok: true, value: result, positions };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** 1-based line and column of offsets in `text`, as editors count them. */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/**
 * Where a path points in the text; a path to something missing (a property to add) points at the
 * nearest thing that exists around it.
 */
export function offsetOfPath(positions: Map<string, number>, path: string): number | undefined {
  for (let current = path; current; current = parentPath(current)) {
    const offset = positions.get(current);
    if (offset !== undefined) return offset;
  }
  return undefined;
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : '';
}

/** Keys a person looks for first in an object; the database (jsonb) keeps no order of its own. */
const FIRST_KEYS = ['type', 'name', 'value', 'default', 'zh-cn', 'en', 'locale', 'title', 'description', 'text'];
/** The lists of children, after an element's own properties. */
const LAST_KEYS = ['choices', 'rateValues', 'rows', 'columns', 'validators', 'templateElements', 'elements', 'pages'];

function rank(key: string): number {
  const first = FIRST_KEYS.indexOf(key);
  if (first >= 0) return first - FIRST_KEYS.length;
  return LAST_KEYS.indexOf(key) + 1;
}

function inReadingOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inReadingOrder);
  if (typeof value !== 'object' || value === null) return value;
  // A stable sort: keys of equal rank keep their order.
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, inReadingOrder((value as Record<string, unknown>)[key])]));
}

/** The JSON as the editor shows it: indented, each object's keys in reading order (type and name first, children last). */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(inReadingOrder(value), null, 2)}\n`;
}

/** The path of every object and array in a parsed value, by identity. */
export function pathsByObject(value: unknown, path = ROOT_PATH, into = new Map<object, string>()): Map<object, string> {
  if (typeof value !== 'object' || value === null) return into;
  into.set(value, path);
  if (Array.isArray(value)) value.forEach((child, i) => pathsByObject(child, `${path}[${i}]`, into));
  else for (const [key, child] of Object.entries(value)) pathsByObject(child, `${path}.${key}`, into);
  return into;
}
