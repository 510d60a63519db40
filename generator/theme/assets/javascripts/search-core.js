// Thai search, the part that needs no page: normalisation, tokens, the query and the engine that
// reads the index. Loaded by search.js when the search box first opens.
//
// The index (generator/search) stores Thai as overlapping character bigrams and Latin words and
// numbers whole, with their positions. A query goes through the same `normalise` and `tokens`
// (mirrored from generator/search/normalize.py, pinned by tests/search/normalise.yml); a typed word
// becomes a phrase of tokens at consecutive positions, so a match is an exact substring: ของขวัญ is
// found inside ไม่รับของขวัญ, and a word still being typed (จัดซื้อจ) already matches. A Latin word
// being typed is a prefix. Only the postings of the query's own tokens are fetched
// (generator/search/postings.py describes the files), then the shards of the shown results' cards
// (generator/search/index.py).

const THAI_FIRST = 0x0e01, THAI_LAST = 0x0e4e;
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const MAX_WORD = 32;
const PREFIX_WORDS = 30; // a word being typed stands for at most its 30 most frequent completions
const TITLE_WEIGHT = 6; // an occurrence in the title counts as six in the text, twelve at its start
const HEAD_WEIGHT = 1.5; // one in a heading (h2–h4) as one and a half
// What a page is about outranks what it mentions: added to the BM25 score of a page whose title
// holds every word of the query (ABOUT_TITLE), whose headings do (ABOUT_HEADS), to the index page
// of a family (`/complaints/`) whose title does (ABOUT_FAMILY: the page that leads to the rest,
// the page that leads to the rest); a year typed in the
// query adds YEAR_BOOST to the pages of that fiscal year. A "nothing to report" page (a month
// without procurement) keeps NIL_FACTOR of its score.
const ABOUT_TITLE = 0.5, ABOUT_HEADS = 0.25, ABOUT_FAMILY = 1, YEAR_BOOST = 2, NIL_FACTOR = 0.3;
const NEAR = 20; // words typed together without a space must stand within this many letters
const YEAR = /^25\d\d$/; // a B.E. fiscal year
// What people type for what the pages say.
const SYNONYMS = [[/เบอร์โทรศัพท์|เบอร์โทร|เบอร์ติดต่อ|หมายเลขโทรศัพท์/g, "โทรศัพท์"]];

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
        m.heads = m.heads || m.titles;
        m.nil = new Set(m.nil || []);
        m.families = m.families || [];
        // Page ids follow the build; `order` gives each page's place in URL order (as differences),
        // which breaks ties, and `cards` the place where each shard of result cards starts.
        m.rank = new Int32Array(m.pages);
        (m.order || []).reduce((place, step, id) => (m.rank[id] = place + step), 0);
        if (!m.order) m.rank.forEach((_, id) => { m.rank[id] = id; });
        m.cards = m.cards || [...m.rank.keys()];
        m.before = (a, b) => m.rank[a] - m.rank[b];
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

  // The result card of a page, from the shard that holds it (fetched once for all its pages).
  async card(id) {
    const m = await this.load();
    const place = m.rank[id];
    let lo = 0, hi = m.cards.length - 1; // the last shard starting at or before `place`
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (m.cards[mid] <= place) lo = mid; else hi = mid - 1; }
    if (!this.cards.has(lo)) {
      this.cards.set(lo, this.bytes(`cards/${lo}.json.gz`).then((b) => JSON.parse(new TextDecoder().decode(b))));
    }
    const [url, title, text, years, kind] = (await this.cards.get(lo))[place - m.cards[lo]];
    return { url, title, text, years: years.length ? years : undefined, kind: kind || undefined };
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
  //   0. a query of words and one fiscal year ("งบประมาณ 2568"): the words, on the pages of that
  //      year or that name it, that year's first;
  //   1. the whole query as one phrase (what was typed, spaces or not, stands on the page as it is,
  //      its last word whole);
  //   2. otherwise every typed word, anywhere on the page;
  //   3. otherwise the words typed together split as the browser's Thai dictionary (Intl.Segmenter)
  //      cuts them, joined again into the longest pieces some page holds ("ร้องเรียน" "ทุจริต"):
  //      every piece, each near the next, or else (`partial`) most of them, marked as such.
  //      Pieces found far apart (ของขวัญ, วัน, เกิด) are not what ของขวัญวันเกิด asked for.
  // An empty query with filters lists every page the filters keep.
  async find(query, filters = {}) {
    const m = await this.load();
    const allowed = this.allowed(m, filters);
    for (const [pattern, word] of SYNONYMS) query = query.replace(pattern, word);
    const parts = parseQuery(query);
    if (!parts.length) {
      const ids = allowed ? [...allowed].sort(m.before) : [];
      return { parts, ids };
    }
    const year = await this.byYear(m, query, parts, allowed);
    if (year) return year;
    if (parts.length > 1) {
      // The last word counts as typed in full here: "สขร.1" must find "สขร.1", not สขร and some 1…
      const joined = parseQuery(query.trim() + " ", { joined: true });
      const ids = await this.match(joined, allowed);
      if (ids.length) return { parts: joined, ids };
    }
    const ids = await this.match(parts, allowed);
    if (ids.length || !("Segmenter" in Intl)) return { parts, ids };
    return (await this.pieces(m, query, allowed)) || { parts, ids };
  }

  // Step 0 of `find`: Thai words and one year. The year is a filter (the pages of that fiscal
  // year, else those that name it) and a boost, not a word the page must write next to the others:
  // /budget/2568/ says "งบประมาณ ... พ.ศ. 2568".
  async byYear(m, query, parts, allowed) {
    const years = parts.filter((part) => YEAR.test(part.text) && (part.prefix || part.phrase.length === 1));
    const rest = parts.filter((part) => !years.includes(part));
    if (years.length !== 1 || !rest.length || rest.some((part) => /[^\u0e01-\u0e4e ]/.test(part.text))) return null;
    const year = years[0].text;
    const ofYear = new Set(((m.filters.year || {})[year] || []).filter((id) => !allowed || allowed.has(id)));
    let ids = await this.match(rest, ofYear, (id) => (ofYear.has(id) ? YEAR_BOOST : 0));
    if (!ids.length) {
      const named = new Set([...(await this.postings(year)).keys()].filter((id) => !allowed || allowed.has(id)));
      ids = await this.match(rest, named);
    }
    return ids.length ? { parts, ids } : null;
  }

  // Step 3 of `find`: the query cut into pieces some page holds; null when it cannot be cut.
  async pieces(m, query, allowed) {
    const segmenter = new Intl.Segmenter("th", { granularity: "word" });
    const words = []; // { part, group }
    const groups = query.trim().split(/\s+/);
    for (const [group, text] of groups.entries()) {
      const segments = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
      for (let i = 0; i < segments.length;) {
        let j = segments.length;
        for (; j > i + 1; j--) if ((await this.phrase(m, parseQuery(segments.slice(i, j).join("") + " ")[0] || {})).size) break;
        const [part] = parseQuery(segments.slice(i, j).join("") + " ");
        if (part) words.push({ part, group, letters: segments.slice(i, j).join("").length });
        i = j;
      }
    }
    if (!words.length) return null;
    const parts = words.map((w) => w.part);
    const ids = await this.match(parts, allowed, null, words.map((w) => w.group));
    if (ids.length) return { parts, ids };
    // Most of the words: leave out one (or, of five and more, two) and keep three quarters of the letters.
    const letters = words.reduce((sum, w) => sum + w.letters, 0);
    const scored = new Map();
    const drop = words.length >= 5 ? 2 : words.length >= 3 ? 1 : 0;
    let subsets = [[]];
    for (const word of words) subsets = subsets.flatMap((kept) => [kept.concat([word]), kept]);
    subsets = subsets.filter((kept) => kept.length >= words.length - drop);
    for (const kept of subsets) {
      if (kept.length < 2 || kept.length === words.length) continue;
      if (kept.reduce((sum, w) => sum + w.letters, 0) < 0.75 * letters) continue;
      const found = await this.match(kept.map((w) => w.part), allowed, null, kept.map((w) => w.group), true);
      for (const [rank, id] of found.entries()) {
        const score = kept.length * 1000 - rank;
        if (!scored.has(id) || scored.get(id) < score) scored.set(id, score);
      }
    }
    const partial = [...scored.keys()].sort((a, b) => scored.get(b) - scored.get(a) || m.before(a, b));
    if (partial.length) return { parts, ids: partial, partial: new Set(partial) };
    // Nothing near enough: offer the pieces as separate words (found anywhere on a page), never apply them.
    // (the dictionary's words when the pieces are the words typed: คำสั่งแต่งตั้ง stands on some page).
    let split = words.map((w) => w.part.text).join(" ");
    let apart = await this.match(parts, allowed);
    if (!apart.length) {
      split = groups.map((g) => [...segmenter.segment(g)].filter((x) => x.isWordLike).map((x) => x.segment).join(" ")).join(" ");
      apart = await this.match(parseQuery(split + " "), allowed);
    }
    return { parts, ids: [], suggestion: apart.length ? { query: split, count: apart.length } : null };
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

  // Pages matching every part, ranked by BM25 over the parts' occurrences (title and heading ones
  // weigh more), plus what the page is about (ABOUT_*), `boost(id)`, and less for a "nothing to
  // report" page. With `groups` (the typed word each part came from), parts of the same typed word
  // must stand near each other: within NEAR letters for each step between them (`loose`: parts
  // may have been left out between them).
  async match(parts, allowed, boost = null, groups = null, loose = false) {
    const m = await this.load();
    const hits = await Promise.all(parts.map((part) => (part.phrase ? this.phrase(m, part) : this.prefix(m, part.prefix))));
    let pages = null;
    for (const hit of hits) {
      const ids = [...hit.keys()].filter((id) => !allowed || allowed.has(id));
      pages = pages ? ids.filter((id) => pages.has(id)) : ids;
      pages = new Set(pages);
      if (!pages.size) return [];
    }
    if (groups) pages = new Set([...pages].filter((id) => near(hits, groups, id, loose)));
    // A family's index page leads to the rest only for a whole word (ทุจริต, not ทุจร still being typed).
    const whole = parts.reduce((n, part) => n + Array.from(part.text || "").length, 0) >= 5;
    const titled = (id) => hits.every((hit) => hit.title && hit.title.has(id));
    const headed = (id) => hits.every((hit) => (hit.title && hit.title.has(id)) || (hit.head && hit.head.has(id)));
    const score = (id) => {
      let sum = hits.reduce((total, hit) => {
        const df = hit.size, tf = hit.get(id);
        const idf = Math.log(1 + (m.pages - df + 0.5) / (df + 0.5));
        return total + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * m.lengths[id]) / m.average));
      }, 0);
      if (titled(id)) sum += ABOUT_TITLE;
      else if (headed(id)) sum += ABOUT_HEADS;
      const family = m.families[id];
      if (family === id && whole && titled(id)) sum += ABOUT_FAMILY;
      if (boost) sum += boost(id);
      return m.nil.has(id) ? sum * NIL_FACTOR : sum;
    };
    const scores = new Map([...pages].map((id) => [id, score(id)]));
    return [...pages].sort((a, b) => scores.get(b) - scores.get(a) || m.before(a, b));
  }

  // page id → weighted count of places where the tokens stand at consecutive positions.
  async phrase(m, { phrase, optional }) {
    const found = hitMap();
    if (!phrase) return found;
    if (phrase.some((token) => /^_[0-9a-z]{4}$/.test(token) && !hasBigram(m.bigrams, token))) return found;
    const keep = this.cover(m, phrase, optional); // keep[0] is 0: a run or a word starts the phrase
    const lists = await Promise.all(keep.map((i) => this.postings(phrase[i])));
    if (lists.some((list) => !list.size)) return found;
    const [first, ...rest] = lists;
    for (const [page, starts] of first) {
      if (!rest.every((list) => list.has(page))) continue;
      const later = rest.map((list) => new Set(list.get(page)));
      let weight = 0;
      const at = [];
      for (const p of starts) {
        if (later.every((set, k) => set.has(p + keep[k + 1]))) { weight += placeWeight(m, page, p); at.push(p); }
      }
      if (weight) { found.set(page, weight); found.starts.set(page, at); mark(m, found, page, at); }
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
    const found = hitMap();
    for (const list of await Promise.all((await this.completions(prefix)).map((token) => this.postings(token)))) {
      for (const [page, positions] of list) {
        const weight = positions.reduce((sum, p) => sum + placeWeight(m, page, p), 0);
        found.set(page, (found.get(page) || 0) + weight);
        found.starts.set(page, (found.starts.get(page) || []).concat(positions));
        mark(m, found, page, positions);
      }
    }
    return found;
  }
}

// What an occurrence counts for: more in the title, most where the title begins with it; more in a heading.
function placeWeight(m, page, position) {
  if (position >= m.heads[page]) return 1;
  if (position >= m.titles[page]) return HEAD_WEIGHT;
  return position === 0 ? 2 * TITLE_WEIGHT : TITLE_WEIGHT;
}

// page id → weight, with the start positions (`starts`) and the pages where it stands in the title
// (`title`) or a heading (`head`).
function hitMap() {
  return Object.assign(new Map(), { starts: new Map(), title: new Set(), head: new Set() });
}

function mark(m, found, page, positions) {
  if (positions.some((p) => p < m.titles[page])) found.title.add(page);
  else if (positions.some((p) => p < m.heads[page])) found.head.add(page);
}

// Whether the parts of each typed word stand in the order typed, each within NEAR letters after
// the one before it (also when a part between them was left out: `loose` changes nothing yet).
function near(hits, groups, id, loose) { // eslint-disable-line no-unused-vars
  const reach = NEAR;
  let chain = null;
  for (let k = 0; k < hits.length; k++) {
    const here = hits[k].starts.get(id) || [];
    if (k === 0 || groups[k] !== groups[k - 1]) chain = here;
    else chain = here.filter((q) => chain.some((p) => q > p && q - p <= reach));
    if (!chain.length) return false;
  }
  return true;
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
