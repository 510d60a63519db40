// The search box in Material's header (generator/theme/partials/search.html): input, filters, results,
// keyboard. Loaded on every page, so it is small; the engine (search-core.js) and the index load
// when the box first opens.

const PAGE_SIZE = 10;
let core = null; // search-core.js, once loaded

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

// Text with the matched ranges wrapped in <mark>; built from text nodes, never from HTML.
function marked(text, ranges) {
  const out = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    out.push(text.slice(at, start), el("mark", {}, text.slice(start, end)));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

// A table cell or a label rather than a sentence: a short block without a space in it.
const prose = (block) => block.length >= 40 || (block.length >= 16 && /\s/.test(block));

// A window of about `size` characters, cut at spaces, with matches marked: it starts at the first
// match in a block of prose (a sentence, not a table's header cell), else at the first match, else
// at the first block of prose.
function excerpt(text, parts, size = 160) {
  const blocks = text.split(/\n/);
  const offsets = [];
  let flat = "";
  for (const block of blocks) {
    if (flat) flat += " · ";
    offsets.push([flat.length, block]);
    flat += block;
  }
  const ranges = core.matches(flat, parts);
  const inProse = (at) => { const found = offsets.findLast(([o]) => o <= at); return found && prose(found[1]); };
  const firstProse = offsets.find(([, block]) => prose(block));
  const first = (ranges.find(([s]) => inProse(s)) || ranges[0] || [firstProse ? firstProse[0] : 0])[0];
  let start = Math.max(0, first - Math.floor(size / 3));
  if (start > 0) { const space = flat.lastIndexOf(" ", start); start = space > start - 20 ? space + 1 : start; }
  let end = Math.min(flat.length, start + size);
  if (end < flat.length) { const space = flat.indexOf(" ", end); end = space > 0 && space < end + 20 ? space : end; }
  const inside = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start]);
  return [start > 0 ? "… " : "", ...marked(flat.slice(start, end), inside), end < flat.length ? " …" : ""];
}

class SearchBox {
  constructor(form) {
    this.form = form;
    this.input = form.querySelector("[data-oit-search-query]");
    this.box = form.closest(".md-search");
    this.output = this.box.querySelector("[data-oit-search-result]");
    this.meta = this.output.querySelector(".md-search-result__meta");
    this.list = this.output.querySelector(".md-search-result__list");
    this.more = this.output.querySelector("[data-oit-search-more]");
    this.selects = [...this.box.querySelectorAll("[data-oit-filter]")];
    this.toggle = document.getElementById("__search");
    const config = JSON.parse(document.getElementById("__config").textContent);
    this.root = new URL(config.base.replace(/\/?$/, "/"), location.href);
    this.t = config.translations;
    this.engine = null;
    this.sequence = 0;
    this.timer = 0;
    this.bind();
  }

  bind() {
    this.input.addEventListener("input", () => this.schedule());
    this.input.addEventListener("focus", () => { this.open(); });
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.go(0); });
    this.form.addEventListener("reset", () => setTimeout(() => { this.update(); this.input.focus(); }));
    this.toggle.addEventListener("change", () => {
      if (this.toggle.checked) { this.prepare(); this.input.focus(); } else this.input.blur();
    });
    for (const select of this.selects) select.addEventListener("change", () => this.filterChanged(select));
    this.more.addEventListener("click", () => this.render(this.shown + PAGE_SIZE));
    this.box.addEventListener("keydown", (event) => this.keydown(event));
    document.addEventListener("keydown", (event) => this.globalKey(event));
    const q = new URLSearchParams(location.search).get("q");
    if (q) { this.input.value = q; this.open(); this.update(); }
  }

  // Set Material's search toggle as a click on its label would: Material locks the page's scrolling
  // on phones when it sees the change.
  setToggle(on) {
    if (this.toggle.checked === on) return;
    this.toggle.checked = on;
    this.toggle.dispatchEvent(new Event("change"));
  }

  open() {
    this.setToggle(true);
    this.prepare();
  }

  close() {
    this.setToggle(false);
    this.input.blur();
  }

  // Start loading the search runtime and the filter menus as soon as the box opens.
  prepare() {
    if (this.ready) return this.ready;
    if (!("DecompressionStream" in window)) { // Baseline 2023; older browsers cannot read the index
      this.ready = Promise.reject(new Error("เบราว์เซอร์นี้ใช้ค้นหาไม่ได้ กรุณาปรับรุ่นเบราว์เซอร์"));
      this.ready.catch((error) => this.status(error.message));
      return this.ready;
    }
    this.ready = import(new URL("search-core.js", import.meta.url).href).then((module) => {
      core = module;
      this.engine = new core.Engine(this.root);
      return this.engine.load();
    });
    this.ready.then((manifest) => {
      this.options = manifest.options;
      this.fillFilters();
    }, (error) => { console.error(error); this.status(this.t["search.result.none"]); });
    return this.ready;
  }

  fillFilters() {
    const collator = new Intl.Collator("th");
    const [year, kind, item] = ["year", "kind", "item"].map((name) => this.selects.find((s) => s.dataset.oitFilter === name));
    for (const o of this.options.year) year.append(el("option", { value: o.value }, `${o.label} (${o.count})`));
    for (const o of [...this.options.kind].sort((a, b) => collator.compare(a.label, b.label))) {
      kind.append(el("option", { value: o.value }, `${o.label} (${o.count})`));
    }
    this.fillItems(item, "");
  }

  // OIT items are numbered per fiscal year: group them by year, or show one year's when a year is chosen.
  fillItems(select, year) {
    const chosen = select.value;
    select.replaceChildren(select.options[0]);
    const groups = new Map();
    for (const o of this.options.item) {
      if (year && o.year !== year) continue;
      if (!groups.has(o.year)) groups.set(o.year, el("optgroup", { label: `ปีงบประมาณ ${o.year}` }));
      groups.get(o.year).append(el("option", { value: o.value }, o.label));
    }
    select.append(...groups.values());
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : "";
  }

  filterChanged(select) {
    const by = (name) => this.selects.find((s) => s.dataset.oitFilter === name);
    if (select.dataset.oitFilter === "year" && this.options) this.fillItems(by("item"), select.value);
    if (select.dataset.oitFilter === "item" && select.value) by("year").value = select.value.split("/")[0];
    this.update();
  }

  // An OIT item belongs to one fiscal year's assessment, so it replaces the year filter: its
  // evidence may be a document of the year before.
  filters() {
    const value = (name) => this.selects.find((s) => s.dataset.oitFilter === name).value;
    const filters = {};
    if (value("item")) filters.item = value("item");
    else if (value("year")) filters.year = value("year");
    if (value("kind")) filters.kind = value("kind");
    return filters;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 120);
  }

  async update() {
    const sequence = ++this.sequence;
    const query = this.input.value;
    const filters = this.filters();
    this.output.dataset.oitState = "busy";
    try {
      await this.prepare();
      const { parts, ids, suggestion, partial } = query.trim() || Object.keys(filters).length
        ? await this.engine.find(query, filters) : { parts: [], ids: null };
      if (sequence !== this.sequence) return;
      this.partial = partial || null;
      this.parts = parts;
      this.ids = ids;
      this.suggestion = suggestion;
      await this.render(PAGE_SIZE, sequence);
    } catch (error) {
      console.error(error);
      this.status("DecompressionStream" in window ? this.t["search.result.none"] : error.message);
    }
    if (sequence === this.sequence) {
      this.output.dataset.oitQuery = query;
      this.output.dataset.oitState = "done";
    }
  }

  status(text) {
    this.meta.textContent = text;
  }

  async render(count, sequence = this.sequence) {
    if (this.ids === null) {
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status(this.t["search.result.placeholder"]);
      return;
    }
    const n = this.ids.length;
    const t = this.t;
    this.status(n === 0 ? t["search.result.none"] : n === 1 ? t["search.result.one"] : t["search.result.other"].replace("#", n));
    if (n && this.partial) this.meta.textContent = `ไม่พบหน้าที่มีครบทุกคำ · ${n} หน้าตรงบางคำ`;
    if (!n && this.suggestion) {
      const link = el("a", { href: "#", "data-oit-search-suggestion": "" }, this.suggestion.query);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        this.input.value = this.suggestion.query + " ";
        this.update();
        this.input.focus();
      });
      this.meta.append(" · ลองแยกคำ: ", link, ` (${this.suggestion.count})`);
    }
    const cards = await Promise.all(this.ids.slice(0, count).map((id) => this.engine.card(id)));
    if (sequence !== this.sequence) return;
    this.shown = cards.length;
    this.list.replaceChildren(...cards.map((card, i) => this.item(card, this.partial && this.partial.has(this.ids[i]))));
    this.more.hidden = n <= this.shown;
  }

  item(card, partial = false) {
    const facts = [partial && "ตรงบางคำ", card.kind, card.years && `ปีงบประมาณ ${card.years.join(", ")}`]
      .filter(Boolean).join(" · ");
    const article = el("article", { class: "md-search-result__article md-typeset" },
      el("div", { class: "md-search-result__icon md-icon" }),
      el("h1", {}, ...marked(card.title, core.matches(card.title, this.parts))));
    if (facts) article.append(el("p", { class: "oit-search__facts" }, facts));
    if (card.text) article.append(el("p", {}, ...excerpt(card.text, this.parts)));
    return el("li", { class: "md-search-result__item" },
      el("a", { href: new URL(card.url, this.root).href, class: "md-search-result__link", tabindex: "-1" }, article));
  }

  links() {
    return [...this.list.querySelectorAll(".md-search-result__link")];
  }

  go(index) {
    const link = this.links()[index];
    if (link) location.href = link.href;
  }

  keydown(event) {
    const links = this.links();
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
    } else if (event.key === "ArrowDown" && (document.activeElement === this.input || at >= 0)) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? this.input : links[at - 1]).focus();
    } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      this.input.focus(); // typing while on a result goes on typing the query
    }
  }

  // "/", "s" or "f" opens search from anywhere, as in Material.
  globalKey(event) {
    if (this.toggle.checked || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (["/", "s", "f"].includes(event.key)) {
      event.preventDefault();
      this.open();
      this.input.focus();
      this.input.select();
    }
  }
}

const form = document.querySelector("[data-oit-search]");
if (form) window.oitSearch = new SearchBox(form);
