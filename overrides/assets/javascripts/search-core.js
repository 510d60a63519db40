// Thai search, the part that needs no page: normalisation, tokens, the query and the engine that
// reads the index. Loaded by search.js when the search box first opens.
//
// The index (generator/search) stores Thai as overlapping character bigrams and Latin words and
// numbers whole, with their positions. A query goes through the same `normalise` and `tokens`
// (mirrored from generator/search/normalize.py, pinned by tests/search/normalise.yml); a typed word
// becomes a phrase of tokens at consecutive positions, so a match is an exact substring: ของขวัญ is
// found inside ไม่รับของขวัญ, and a word still being typed (จัดซื้อจ) already matches. A Latin word
// being typed is a prefix. Only the postings of the query's own tokens are fetched
// (generator/search/postings.py describes the files), then one card per shown result.

const THAI_FIRST = 0x0e01, THAI_LAST = 0x0e4e;
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const MAX_WORD = 32;
const PREFIX_WORDS = 30; // a word being typed stands for at most its 30 most frequent completions
const TITLE_WEIGHT = 6; // an occurrence in the title counts as six in the text, twelve at its start

export function normalise(text) {
  text = text.normalize("NFKC").toLowerCase()
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "")
    .replace(/\u0e4d\u0e32/g, "\u0e33");
  return text.replace(/(?<=\d)\.(?=\d)/g, " ").replace(/\./g, "");
}

const isThai = (c) => c.codePointAt(0) >= THAI_FIRST && c.codePointAt(0) <= THAI_LAST;
const isWord = (c) => /^[\p{L}\p{N}]$/u.test(c) && !isThai(c);
const thaiCode = (c) => { const n = c.codePointAt(0) - 0x0e00; return BASE36[Math.floor(n / 36)] + BASE36[n % 36]; };

export function thaiTokens(run) {
  const codes = Array.from(run, thaiCode);
  if (codes.length === 1) return ["_" + codes[0]];
  return codes.slice(1).map((code, i) => "_" + codes[i] + code);
}

// [kind, piece] pairs of normalised text; spaces between Thai letters join one run (as in Python).
export function runs(text) {
  const chars = Array.from(text), out = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (isThai(c)) {
      let j = i, run = "";
      while (j < chars.length) {
        if (isThai(chars[j])) { run += chars[j++]; continue; }
        let k = j;
        while (k < chars.length && (chars[k] === " " || chars[k] === "\t")) k++;
        if (k > j && k < chars.length && isThai(chars[k])) { j = k; continue; }
        break;
      }
      out.push(["thai", run]);
      i = j;
    } else if (isWord(c)) {
      let j = i;
      while (j < chars.length && isWord(chars[j])) j++;
      out.push(["word", chars.slice(i, j).join("")]);
      i = j;
    } else {
      i++;
    }
  }
  return out;
}

export function tokens(text) {
  return runs(normalise(text)).flatMap(([kind, piece]) => (kind === "thai" ? thaiTokens(piece) : [piece.slice(0, MAX_WORD)]));
}

// The query as searches: one exact phrase per typed word, and a prefix for the word being typed.
// A lone Thai character is a prefix too: it may sit inside a longer run of the page.
// `joined` reads the whole query as one phrase (spaces between Thai letters are bridged, as in the index).
export function parseQuery(raw, { joined = false } = {}) {
  const groups = joined ? [raw.trim()].filter(Boolean) : raw.split(/\s+/).filter(Boolean);
  const typing = !/\s$/.test(raw);
  const parts = [];
  groups.forEach((group, index) => {
    const pieces = runs(normalise(group));
    if (!pieces.length) return;
    const toks = pieces.flatMap(([kind, piece]) => (kind === "thai" ? thaiTokens(piece) : [piece.slice(0, MAX_WORD)]));
    // A bigram inside a Thai run may be left out of the lookup when both its neighbours are kept:
    // they still cover every letter (Engine.cover).
    const optional = pieces.flatMap(([kind, piece]) => (kind === "thai" ? thaiTokens(piece) : [piece])
      .map((_, i, all) => kind === "thai" && i > 0 && i < all.length - 1));
    const [lastKind, lastPiece] = pieces[pieces.length - 1];
    let prefix = null;
    if (lastKind === "word" && index === groups.length - 1 && typing) prefix = { token: toks.pop(), text: lastPiece };
    else if (pieces.length === 1 && lastKind === "thai" && Array.from(lastPiece).length === 1) {
      prefix = { token: toks.pop(), text: lastPiece };
    }
    if (prefix) optional.pop();
    const text = (prefix ? pieces.slice(0, -1) : pieces).map(([, piece]) => piece).join(" ");
    if (toks.length) parts.push({ phrase: toks, optional, text });
    if (prefix) parts.push({ prefix: prefix.token, text: prefix.text, latin: lastKind === "word" });
  });
  return parts;
}

// Compact form of a text for excerpts: only Thai letters and word characters, each with the index
// of the original character it came from, so a match can be marked in the original text.
function compact(text) {
  let s = "";
  const map = [];
  let offset = 0;
  for (const ch of text) {
    for (const c of normalise(ch)) {
      if (!isThai(c) && !isWord(c)) continue;
      if (c === "\u0e32" && s.endsWith("\u0e4d")) { s = s.slice(0, -1) + "\u0e33"; continue; }
      s += c;
      map.push(offset);
    }
    offset += ch.length;
  }
  return { s, map };
}

function compactQuery(text) {
  return Array.from(text).filter((c) => isThai(c) || isWord(c)).join("");
}

// Matches of the query parts in `text` as [start, end) ranges of the original string.
export function matches(text, parts) {
  const { s, map } = compact(text);
  const ranges = [];
  for (const part of parts) {
    const needle = compactQuery(part.text);
    if (!needle) continue;
    for (let at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + needle.length)) {
      let end = map[at + needle.length - 1] + 1;
      // A prefix may stop before the vowel or tone mark above its last letter: mark the whole letter.
      while (end < text.length && /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(text[end])) end++;
      ranges.push([map[at], end]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

export class Engine {
  constructor(root) {
    this.base = new URL("search/", root); // URL of the site root + search/
    this.files = new Map(); // URL → promise of bytes
    this.cards = new Map();
    this.manifest = null;
  }

  async load() {
    if (!this.manifest) {
      this.manifest = (async () => {
        const m = JSON.parse(new TextDecoder().decode(await this.bytes("manifest.json.gz")));
        m.bigrams = Uint8Array.from(atob(m.bigrams), (c) => c.charCodeAt(0));
        m.average = m.lengths.reduce((a, b) => a + b, 0) / Math.max(1, m.pages);
        return m;
      })();
    }
    return this.manifest;
  }

  // The bytes of a file under search/, gunzipped when they are gzip (a host may have done it already).
  bytes(path) {
    if (!this.files.has(path)) {
      this.files.set(path, (async () => {
        const response = await fetch(new URL(path, this.base));
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        let bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
          const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
          bytes = new Uint8Array(await new Response(stream).arrayBuffer());
        }
        return bytes;
      })());
    }
    return this.files.get(path);
  }

  async card(id) {
    if (!this.cards.has(id)) {
      this.cards.set(id, this.bytes(`cards/${id}.json.gz`).then((b) => JSON.parse(new TextDecoder().decode(b))));
    }
    return this.cards.get(id);
  }

  // page id → sorted positions of a token; empty when no page has it.
  async postings(token) {
    const m = await this.load();
    if (/^_[0-9a-z]{4}$/.test(token) && !hasBigram(m.bigrams, token)) return new Map();
    if (token in m.large) return decode(await this.bytes(`t/${fileName(token)}`));
    const bucket = await this.bytes(`b/${bucketOf(token, m.buckets)}`);
    const wanted = new TextEncoder().encode(token);
    for (let at = 0; at < bucket.length;) {
      const [nameLength, a] = varint(bucket, at);
      const name = bucket.subarray(a, a + nameLength);
      const [dataLength, b] = varint(bucket, a + nameLength);
      const same = name.length === wanted.length && name.every((x, i) => x === wanted[i]);
      if (same) return decode(bucket.subarray(b, b + dataLength));
      at = b + dataLength;
    }
    return new Map();
  }

  // Tokens that start with `prefix`, most frequent first.
  async completions(prefix) {
    const key = prefix.startsWith("_") ? prefix.slice(0, 3) : prefix.slice(0, 1);
    let entries = [];
    try {
      entries = JSON.parse(new TextDecoder().decode(await this.bytes(`v/${fileName(key)}.json`)));
    } catch { /* no token starts with this character */ }
    return entries.filter(([token]) => token.startsWith(prefix)).slice(0, PREFIX_WORDS).map(([token]) => token);
  }

  // Page ids for a query, best first, found in this order:
  //   1. the whole query as one phrase (what was typed, spaces or not, stands on the page as it is,
  //      its last word whole);
  //   2. otherwise every typed word, anywhere on the page;
  //   3. otherwise nothing, with a suggestion: the query split into words by the browser's Thai
  //      dictionary (Intl.Segmenter), if those words are found. It is only offered, never applied:
  //      words found far apart (ของขวัญ, วัน, เกิด) are not what ของขวัญวันเกิด asked for.
  // An empty query with filters lists every page the filters keep.
  async find(query, filters = {}) {
    const m = await this.load();
    const allowed = this.allowed(m, filters);
    const parts = parseQuery(query);
    if (!parts.length) {
      const ids = allowed ? [...allowed].sort((a, b) => a - b) : [];
      return { parts, ids };
    }
    if (parts.length > 1) {
      // The last word counts as typed in full here: "สขร.1" must find "สขร.1", not สขร and some 1…
      const joined = parseQuery(query.trim() + " ", { joined: true });
      const ids = await this.match(joined, allowed);
      if (ids.length) return { parts: joined, ids };
    }
    const ids = await this.match(parts, allowed);
    if (ids.length || !("Segmenter" in Intl)) return { parts, ids };
    const split = words(query);
    if (split === query.trim()) return { parts, ids };
    const found = await this.match(parseQuery(split + (/\s$/.test(query) ? " " : "")), allowed);
    return { parts, ids, suggestion: found.length ? { query: split, count: found.length } : null };
  }

  // The set of page ids the filters keep (every filter must hold), or null without filters.
  allowed(m, filters) {
    let keep = null;
    for (const [name, value] of Object.entries(filters)) {
      const ids = new Set((m.filters[name] || {})[value] || []);
      keep = keep ? new Set([...keep].filter((id) => ids.has(id))) : ids;
    }
    return keep;
  }

  // Pages matching every part, ranked by BM25 over the parts' occurrences (title ones weigh more).
  async match(parts, allowed) {
    const m = await this.load();
    const hits = await Promise.all(parts.map((part) => (part.phrase ? this.phrase(m, part) : this.prefix(m, part.prefix))));
    let pages = null;
    for (const hit of hits) {
      const ids = [...hit.keys()].filter((id) => !allowed || allowed.has(id));
      pages = pages ? ids.filter((id) => pages.has(id)) : ids;
      pages = new Set(pages);
      if (!pages.size) return [];
    }
    const score = (id) => hits.reduce((sum, hit) => {
      const df = hit.size, tf = hit.get(id);
      const idf = Math.log(1 + (m.pages - df + 0.5) / (df + 0.5));
      return sum + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * m.lengths[id]) / m.average));
    }, 0);
    const scores = new Map([...pages].map((id) => [id, score(id)]));
    return [...pages].sort((a, b) => scores.get(b) - scores.get(a) || a - b);
  }

  // page id → weighted count of places where the tokens stand at consecutive positions.
  async phrase(m, { phrase, optional }) {
    const found = new Map();
    if (phrase.some((token) => /^_[0-9a-z]{4}$/.test(token) && !hasBigram(m.bigrams, token))) return found;
    const keep = this.cover(m, phrase, optional); // keep[0] is 0: a run or a word starts the phrase
    const lists = await Promise.all(keep.map((i) => this.postings(phrase[i])));
    if (lists.some((list) => !list.size)) return found;
    const [first, ...rest] = lists;
    for (const [page, starts] of first) {
      if (!rest.every((list) => list.has(page))) continue;
      const later = rest.map((list) => new Set(list.get(page)));
      let weight = 0;
      for (const p of starts) {
        if (later.every((set, k) => set.has(p + keep[k + 1]))) weight += placeWeight(m, page, p);
      }
      if (weight) found.set(page, weight);
    }
    return found;
  }

  // The phrase tokens to look up: every word, the ends of every Thai run, and inside a run no two
  // neighbours left out, so that each letter is still checked; the cheapest such set to fetch.
  cover(m, phrase, optional) {
    const cost = phrase.map((token) => {
      const own = `t/${fileName(token)}`, bucket = `b/${bucketOf(token, m.buckets)}`;
      if (token in m.large) return this.files.has(own) ? 0 : m.large[token];
      return this.files.has(bucket) ? 0 : 1024;
    });
    // best[i][s]: cheapest cost of tokens 0..i with token i kept (s = 0) or left out (s = 1).
    const best = phrase.map(() => [Infinity, Infinity]);
    best[0][0] = cost[0];
    for (let i = 1; i < phrase.length; i++) {
      best[i][0] = cost[i] + Math.min(...best[i - 1]);
      if (optional[i]) best[i][1] = best[i - 1][0];
    }
    const keep = [];
    for (let i = phrase.length - 1, s = best[i][0] <= best[i][1] ? 0 : 1; i >= 0; i--) {
      if (s === 0) keep.unshift(i);
      s = s === 1 ? 0 : i > 0 && best[i - 1][1] < best[i - 1][0] ? 1 : 0;
    }
    return keep;
  }

  // page id → weighted count of the words that start with a prefix (its most frequent completions).
  async prefix(m, prefix) {
    const found = new Map();
    for (const list of await Promise.all((await this.completions(prefix)).map((token) => this.postings(token)))) {
      for (const [page, positions] of list) {
        const weight = positions.reduce((sum, p) => sum + placeWeight(m, page, p), 0);
        found.set(page, (found.get(page) || 0) + weight);
      }
    }
    return found;
  }
}

// What an occurrence counts for: more in the title, most where the title begins with it.
function placeWeight(m, page, position) {
  if (position >= m.titles[page]) return 1;
  return position === 0 ? 2 * TITLE_WEIGHT : TITLE_WEIGHT;
}

// Postings bytes → Map(page id → positions): varints of page gap, count, position gaps.
function decode(bytes) {
  const out = new Map();
  let at = 0, page = 0;
  while (at < bytes.length) {
    let gap, count;
    [gap, at] = varint(bytes, at);
    [count, at] = varint(bytes, at);
    page += gap;
    const positions = new Array(count);
    let p = 0;
    for (let i = 0; i < count; i++) {
      let step;
      [step, at] = varint(bytes, at);
      positions[i] = p += step;
    }
    out.set(page, positions);
  }
  return out;
}

function varint(bytes, at) {
  let n = 0, shift = 0, b;
  do {
    b = bytes[at++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [n, at];
}

// As generator/search/postings.py: the token itself when it is [_a-z0-9], else ~ and its UTF-8 in hex.
function fileName(token) {
  if (/^[_a-z0-9]+$/.test(token)) return token;
  return "~" + Array.from(new TextEncoder().encode(token), (b) => b.toString(16).padStart(2, "0")).join("");
}

// 32-bit FNV-1a of the UTF-8 token, as postings.bucket_of.
function bucketOf(token, buckets) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(token)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h % buckets;
}

function hasBigram(bitmap, token) {
  const codes = THAI_LAST - THAI_FIRST + 1;
  const code = (pair) => BASE36.indexOf(pair[0]) * 36 + BASE36.indexOf(pair[1]) - (THAI_FIRST - 0x0e00);
  const n = code(token.slice(1, 3)) * codes + code(token.slice(3, 5));
  return (bitmap[n >> 3] >> (n & 7)) & 1;
}

// The query with its Thai runs split into words by the browser's dictionary: "ของขวัญ ปีใหม่".
function words(query) {
  const segmenter = new Intl.Segmenter("th", { granularity: "word" });
  return query.trim().split(/\s+/).map((group) => [...segmenter.segment(group)]
    .filter((s) => s.isWordLike).map((s) => s.segment).join(" ")).join(" ");
}
