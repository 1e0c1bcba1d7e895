/*
 * 站内全文检索 — the browser half of generator/search/.
 *
 * Mirrors tokens.py (tokenisation), layout.py (which file holds a gram) and query.py (matching
 * and ranking) exactly; tests/search compares this file's results with the Python reference.
 * Only the files a query needs are fetched: the manifest and per-document facets once, the gram
 * shards of the query's tokens, and the text chunks of the results actually shown.
 * No framework, no build step.
 */
(function () {
  "use strict";

  var SCRIPT_SRC = document.currentScript ? document.currentScript.src : null;
  var OVERLAY_PAGE = 10;
  var PAGE_SIZE = 20;
  var DEBOUNCE_MS = 80; // one search per pause in typing, not per keystroke
  var KIND_LABEL = { "文件": "文件", "权力": "权力事项", "依据": "执法依据", "页面": "页面" };
  var INVALID_LABEL = { "废止": "已废止", "失效": "已失效" };

  /* ---------------- tokenisation (tokens.py) ---------------- */

  function isCJK(cp) {
    return cp === 0x3007 || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
  }
  function isWord(cp) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39);
  }
  var TRADITIONAL = new Map(); // traditional → simplified code points, from the index's lex.json
  function foldCp(cp) {
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
    if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20;
    if (cp >= 0xf900 && cp <= 0xfaff) {
      var n = Array.from(String.fromCodePoint(cp).normalize("NFKC"));
      if (n.length === 1) cp = n[0].codePointAt(0);
    }
    var t = TRADITIONAL.get(cp);
    return t === undefined ? cp : t;
  }
  /* Code points of a string, folded; positions everywhere are code-point offsets, as in Python. */
  function foldedCps(s) {
    var out = [];
    for (var ch of s) out.push(foldCp(ch.codePointAt(0)));
    return out;
  }
  function isToken(cp) { return isCJK(cp) || isWord(cp); }
  function runs(cps) {
    var out = [];
    var i = 0;
    while (i < cps.length) {
      if (!isToken(cps[i])) { i++; continue; }
      var j = i + 1;
      while (j < cps.length && isToken(cps[j])) j++;
      out.push({ chars: cps.slice(i, j).map(function (c) { return String.fromCodePoint(c); }), start: i, end: j });
      i = j;
    }
    return out;
  }
  function splitTerms(query) {
    var seen = [];
    query.split(/\s+/).forEach(function (raw) {
      if (!raw) return;
      var rs = runs(foldedCps(raw));
      if (!rs.length) return;
      var term = Array.from(raw).slice(rs[0].start, rs[rs.length - 1].end).join("");
      if (seen.indexOf(term) < 0) seen.push(term);
    });
    return seen;
  }
  /* A run of one character matches as a prefix; longer runs give exact bigrams (tokens.py term_tokens). */
  function termTokens(term) {
    var out = [];
    runs(foldedCps(term)).forEach(function (r) {
      var c = r.chars;
      if (c.length === 1) out.push({ text: c[0], offset: r.start, prefix: true });
      else for (var i = 0; i < c.length - 1; i++) out.push({ text: c[i] + c[i + 1], offset: r.start + i, prefix: false });
    });
    return out;
  }

  /* ---------------- words (words.py) ---------------- */

  var FEW = 5, MAX_WORD = 8, COHESION = 4, NEAR = 30, MAX_SUGGESTIONS = 3, UNKNOWN = 1 << 30;
  var MATCH_ORDER = ["phrase", "words", "partial"];
  var STATE_PREFIX = "中华人民共和国";
  var LEX = { stop: new Set(), synonyms: new Map() };
  function setLexicon(lex) {
    var fold = Array.from(lex.fold);
    TRADITIONAL = new Map();
    for (var i = 0; i + 1 < fold.length; i += 2) TRADITIONAL.set(fold[i].codePointAt(0), fold[i + 1].codePointAt(0));
    LEX.stop = new Set(lex.stop);
    LEX.synonyms = new Map();
    lex.synonyms.forEach(function (g) {
      g.forEach(function (w) { LEX.synonyms.set(w, [w].concat(g.filter(function (x) { return x !== w; }))); });
    });
  }
  function foldStr(s) { return foldedCps(s).map(function (c) { return String.fromCodePoint(c); }).join(""); }
  function cpLen(s) { return Array.from(s).length; }
  function cmpStr(a, b) { // by code point, as Python compares strings
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }
  function script(ch) {
    var cp = ch.codePointAt(0);
    return isCJK(cp) ? 0 : (cp >= 0x30 && cp <= 0x39) ? 1 : 2;
  }
  function isHan(s) { return isCJK(s.codePointAt(0)); }
  function pieces(term) {
    var out = [];
    runs(foldedCps(term)).forEach(function (r) {
      var c = r.chars, start = 0;
      for (var i = 1; i <= c.length; i++) {
        if (i === c.length || script(c[i]) !== script(c[start])) { out.push(c.slice(start, i).join("")); start = i; }
      }
    });
    return out;
  }
  function segment(run, occurrences, known) {
    var c = Array.from(run), n = c.length;
    var memo = new Map();
    var occOf = function (w) {
      if (!memo.has(w)) memo.set(w, occurrences(w));
      return memo.get(w);
    };
    var holds = function (i, j, occ) { // words.py segment.holds: cohesive, and a word ends here
      var wc = c.slice(i, j);
      for (var k = 2; k < wc.length - 1; k++) {
        if (occ * COHESION < Math.min(occOf(wc.slice(0, k).join("")), occOf(wc.slice(k).join("")))) return false;
      }
      if (i > 0 && occOf(c.slice(i - 1, j).join("")) * 4 >= occ * 3) return false;
      if (j < n && occOf(c.slice(i, j + 1).join("")) * 4 >= occ * 3) return false;
      return true;
    };
    var best = new Array(n + 1);
    best[n] = [0, UNKNOWN, n];
    for (var i = n - 1; i >= 0; i--) {
      var cur = null;
      for (var j = Math.min(n, i + MAX_WORD); j > i; j--) {
        var w = c.slice(i, j).join(""), cost, occ;
        if (j - i === 1) { cost = known.has(w) ? 1 : 2; occ = UNKNOWN; }
        else if (known.has(w)) { cost = 1; occ = UNKNOWN; }
        else { occ = occOf(w); if (occ === 0 || !holds(i, j, occ)) continue; cost = 1; }
        var cand = [best[j][0] + cost, Math.min(best[j][1], occ), j];
        if (cur === null || cand[0] < cur[0] || (cand[0] === cur[0] && cand[1] > cur[1])) cur = cand;
      }
      best[i] = cur;
    }
    var words = [], lone = "";
    for (var k = 0; k < n; k = best[k][2]) {
      var piece = c.slice(k, best[k][2]).join("");
      if (best[k][2] - k === 1 && !known.has(piece)) { lone += piece; continue; }
      if (lone) { words.push(lone); lone = ""; }
      words.push(piece);
    }
    if (lone) words.push(lone);
    return words;
  }
  function queryGroups(terms, occurrences) {
    var known = new Set(LEX.stop);
    LEX.synonyms.forEach(function (_, w) { known.add(w); });
    var words = [], loose = []; // loose[k]: words[k] is a lone character left over inside a Han run
    terms.forEach(function (t) {
      var prev = "";
      pieces(t).forEach(function (p) {
        if (/^[0-9]+$/.test(prev) && p[0] === "年" && cpLen(p) > 1) p = p.slice(1); // 2012年 is a year
        if (isHan(p) && cpLen(p) > 1) {
          segment(p, occurrences, known).forEach(function (w) { words.push(w); loose.push(cpLen(w) === 1 && !known.has(w)); });
        } else { words.push(p); loose.push(false); }
        prev = p;
      });
    });
    var content = words.filter(function (w) { return !LEX.stop.has(w); });
    var kept = words.filter(function (w, k) { return !LEX.stop.has(w) && !loose[k]; });
    if (!kept.length) kept = content.length ? content : words;
    var out = [];
    kept.forEach(function (w) {
      if (!out.some(function (g) { return g.word === w; })) out.push({ word: w, alts: LEX.synonyms.get(w) || [w] });
    });
    return out;
  }
  /* Sellers' edit distance of `run` to the closest substring of `text` (arrays of characters). */
  function nearest(run, text) {
    var m = run.length, n = text.length, d = [], i, j;
    for (i = 0; i <= m; i++) { d.push(new Array(n + 1).fill(0)); d[i][0] = i; }
    for (i = 1; i <= m; i++) {
      for (j = 1; j <= n; j++) {
        d[i][j] = Math.min(d[i - 1][j - 1] + (run[i - 1] !== text[j - 1] ? 1 : 0), d[i - 1][j] + 1, d[i][j - 1] + 1);
      }
    }
    var end = 0;
    for (j = 1; j <= n; j++) if (d[m][j] < d[m][end]) end = j;
    i = m; j = end;
    while (i > 0) {
      if (j > 0 && d[i][j] === d[i - 1][j - 1] + (run[i - 1] !== text[j - 1] ? 1 : 0)) { i--; j--; }
      else if (d[i][j] === d[i - 1][j] + 1) i--;
      else j--;
    }
    return [d[m][end], text.slice(j, end).join("")];
  }
  function joinWords(words) {
    var out = "";
    words.forEach(function (w, k) {
      var prev = k ? Array.from(words[k - 1]).pop() : "";
      out += (k && !(isHan(prev) && isHan(w)) ? " " : "") + w;
    });
    return out;
  }
  function cmpKey(a, b) { return (a[0] - b[0]) || (a[1] - b[1]) || cmpStr(a[2], b[2]); }
  function suggestions(groups, missing, titles) {
    var found = new Map();
    missing.forEach(function (word) {
      var wc = Array.from(word);
      if (wc.length < 2) return;
      var limit = Math.max(1, Math.floor(wc.length / 4));
      titles.forEach(function (tn) {
        var tc = Array.from(tn[0]);
        if (!wc.some(function (ch) { return tc.indexOf(ch) >= 0; })) return;
        var r = nearest(wc, tc), sub = r[1];
        if (r[0] > limit || cpLen(sub) < 2 || sub === word) return;
        var q = joinWords(groups.map(function (g) { return g.word === word ? sub : g.word; }));
        var key = [r[0], -tn[1], q];
        var old = found.get(q);
        if (!old || cmpKey(key, old) < 0) found.set(q, key);
      });
    });
    return Array.from(found.keys()).sort(function (a, b) { return cmpKey(found.get(a), found.get(b)); })
      .slice(0, MAX_SUGGESTIONS);
  }
  /* The shortest first-to-last distance of a stretch of `events` ([start, word], ascending) holding every word. */
  function windowOf(events, groups) {
    var best = UNKNOWN, have = new Map(), left = 0;
    events.forEach(function (ev) {
      have.set(ev[1], (have.get(ev[1]) || 0) + 1);
      while (have.size === groups) {
        best = Math.min(best, ev[0] - events[left][0]);
        var lk = events[left][1];
        have.set(lk, have.get(lk) - 1);
        if (!have.get(lk)) have.delete(lk);
        left++;
      }
    });
    return best;
  }

  /* ---------------- layout (layout.py) ---------------- */

  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  function fnv1a(s) {
    var h = 0x811c9dc5;
    var bytes = encoder.encode(s);
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }
  function firstChar(s) { return String.fromCodePoint(s.codePointAt(0)); }
  function secondChar(s) {
    var a = Array.from(s);
    return a.length > 1 ? a[1] : "";
  }
  function shardOf(gram, meta) {
    var first = firstChar(gram);
    var k = meta.split[first];
    if (k === undefined) return "g/" + ((fnv1a(first) & (meta.buckets - 1)) >>> 0) + ".bin";
    return "g/" + first.codePointAt(0).toString(16) + "-" + ((fnv1a(secondChar(gram)) & ((1 << k) - 1)) >>> 0) + ".bin";
  }
  function prefixShards(prefix, meta) {
    var k = meta.split[firstChar(prefix)];
    if (k !== undefined && Array.from(prefix).length === 1) {
      var out = [];
      for (var j = 0; j < (1 << k); j++) out.push("g/" + prefix.codePointAt(0).toString(16) + "-" + j + ".bin");
      return out;
    }
    return [shardOf(prefix, meta)];
  }

  /* ---------------- index files ---------------- */

  function readVarint(buf, st) {
    var n = 0, shift = 0, b;
    do {
      b = buf[st.i++];
      n += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b >= 0x80);
    return n;
  }
  function parseShard(bytes) {
    var grams = new Map();
    var st = { i: 0 };
    while (st.i < bytes.length) {
      var n = readVarint(bytes, st);
      var gram = decoder.decode(bytes.subarray(st.i, st.i + n));
      st.i += n;
      n = readVarint(bytes, st);
      grams.set(gram, bytes.subarray(st.i, st.i + n));
      st.i += n;
    }
    return grams;
  }
  /* Ascending positions in all indexed texts laid end to end (index.py _postings). */
  function parsePostings(payload) {
    var out = [];
    var st = { i: 0 };
    var pos = 0;
    while (st.i < payload.length) { pos += readVarint(payload, st); out.push(pos); }
    return out;
  }
  function has(sorted, x) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === x) return true;
      if (sorted[mid] < x) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  function Index(base) {
    this.base = base;
    this.files = new Map();
    this.shards = new Map();
    this.postings = new Map(); // token → its parsed positions, for every token of a query loaded so far
    this.ready = this.load();
  }
  Index.prototype.fetchFile = function (path, kind) {
    var self = this;
    if (!this.files.has(path)) {
      var url = new URL(path + "?v=" + this.meta.id, this.base);
      this.files.set(path, fetch(url).then(function (r) {
        if (r.status === 404) return null; // a shard no gram hashed to
        if (!r.ok) throw new Error("HTTP " + r.status + " " + url);
        return kind === "json" ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      }).catch(function (e) { self.files.delete(path); throw e; }));
    }
    return this.files.get(path);
  };
  Index.prototype.load = function () {
    var self = this;
    return fetch(new URL("meta.json", this.base), { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (meta) {
      self.meta = meta;
      // the facets are needed only once postings are in: fetch them alongside the first shards
      self.loadFacets().catch(function () {});
      return self.fetchFile("lex.json", "json");
    }).then(function (lex) {
      setLexicon(lex);
      return self;
    });
  };
  Index.prototype.loadFacets = function () {
    var self = this;
    if (!this.facetsReady) {
      this.facetsReady = this.fetchFile("docs.bin").then(function (bytes) { self.parseFacets(bytes); })
        .catch(function (e) { self.facetsReady = null; throw e; });
    }
    return this.facetsReady;
  };
  Index.prototype.parseFacets = function (bytes) {
    var n = this.meta.docs;
    var f = { kind: new Uint8Array(n), status: new Uint16Array(n), category: new Uint16Array(n),
      year: new Uint16Array(n), valid: new Uint8Array(n), titleLen: new Uint32Array(n),
      length: new Uint32Array(n), bodyAt: new Uint32Array(n), start: new Float64Array(n) };
    var st = { i: 0 };
    var at = 0;
    // index.py body_at: the text begins at the title's end rounded up to a slot (format 2: no slots, one gap)
    var slot = this.meta.title_slot || 1;
    for (var d = 0; d < n; d++) {
      f.kind[d] = readVarint(bytes, st);
      f.status[d] = readVarint(bytes, st);
      f.category[d] = readVarint(bytes, st);
      f.year[d] = readVarint(bytes, st);
      f.valid[d] = readVarint(bytes, st);
      f.titleLen[d] = readVarint(bytes, st);
      f.length[d] = readVarint(bytes, st);
      f.bodyAt[d] = Math.ceil((f.titleLen[d] + 1) / slot) * slot;
      f.start[d] = at;
      at += f.length[d] + 1;
    }
    this.facets = f;
  };
  Index.prototype.shard = function (path) {
    var self = this;
    if (!this.shards.has(path)) {
      this.shards.set(path, this.fetchFile(path).then(function (b) { return b ? parseShard(b) : new Map(); }));
    }
    return this.shards.get(path);
  };
  Index.prototype.tokenPostings = function (tok) {
    var meta = this.meta;
    if (!tok.prefix) {
      return this.shard(shardOf(tok.text, meta)).then(function (grams) {
        var p = grams.get(tok.text);
        return p ? parsePostings(p) : [];
      });
    }
    return Promise.all(prefixShards(tok.text, meta).map(this.shard, this)).then(function (shards) {
      var merged = [];
      shards.forEach(function (grams) {
        grams.forEach(function (payload, gram) {
          if (gram.lastIndexOf(tok.text, 0) === 0) merged = merged.concat(parsePostings(payload));
        });
      });
      merged.sort(function (a, b) { return a - b; });
      return merged.filter(function (p, k) { return k === 0 || p !== merged[k - 1]; });
    });
  };
  Index.prototype.docAt = function (pos) {
    var starts = this.facets.start;
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= pos) lo = mid; else hi = mid - 1; }
    return lo;
  };
  function tokenKey(t) { return (t.prefix ? "p" : "x") + t.text; }
  /* Fetch the postings of every token of `term` (and the facets), so termMatchesNow can run. */
  Index.prototype.loadTerm = function (term) {
    var self = this;
    return Promise.all(termTokens(term).map(function (t) {
      if (self.postings.has(tokenKey(t))) return null;
      return self.tokenPostings(t).then(function (ps) { self.postings.set(tokenKey(t), ps); });
    }).concat([this.loadFacets()]));
  };
  /* doc → start positions (within the document) of the whole term (query.py term_matches). */
  Index.prototype.termMatchesNow = function (term) {
    var self = this;
    var toks = termTokens(term);
    var length = cpLen(term);
    var out = new Map();
    if (!toks.length) return out;
    var lists = toks.map(function (t) { return self.postings.get(tokenKey(t)); });
    var anchor = 0;
    for (var t = 1; t < toks.length; t++) if (lists[t].length < lists[anchor].length) anchor = t;
    lists[anchor].forEach(function (p) {
      var s = p - toks[anchor].offset;
      if (s < 0) return;
      for (var k = 0; k < toks.length; k++) if (k !== anchor && !has(lists[k], s + toks[k].offset)) return;
      var doc = self.docAt(s);
      var local = s - self.facets.start[doc];
      if (local + length > self.facets.length[doc]) return; // never a phrase across two documents
      var cur = out.get(doc);
      if (cur) cur.push(local); else out.set(doc, [local]);
    });
    return out;
  };
  /* How often a phrase occurs (query.py occurrences): a phrase without gaps is counted on the postings alone. */
  Index.prototype.occurrences = function (phrase) {
    var self = this;
    var toks = termTokens(phrase);
    var n = 0;
    var gapless = toks.length && !toks[0].prefix && toks.every(function (t, i) { return t.offset === i; });
    if (!gapless) {
      this.termMatchesNow(phrase).forEach(function (starts) { n += starts.length; });
      return n;
    }
    var lists = toks.map(function (t) { return self.postings.get(tokenKey(t)); });
    var k = 0;
    for (var i = 1; i < lists.length; i++) if (lists[i].length < lists[k].length) k = i;
    var anchor = lists[k];
    for (var a = 0; a < anchor.length; a++) {
      var p = anchor[a], ok = p >= k;
      for (var j = 0; ok && j < lists.length; j++) if (j !== k && !has(lists[j], p + j - k)) ok = false;
      if (ok) n++;
    }
    return n;
  };
  Index.prototype.alternatives = function (term) { return LEX.synonyms.get(foldStr(term)) || [term]; };
  /* doc → [start, end] of every occurrence of any alternative, ascending (query.py alt_matches). */
  Index.prototype.altMatches = function (alts) {
    var self = this;
    return Promise.all(alts.map(this.loadTerm, this)).then(function () {
      var out = new Map();
      alts.forEach(function (alt) {
        var len = cpLen(alt);
        self.termMatchesNow(alt).forEach(function (starts, doc) {
          var cur = out.get(doc) || [];
          starts.forEach(function (s) { cur.push([s, s + len]); });
          out.set(doc, cur);
        });
      });
      out.forEach(function (spans, doc) {
        spans.sort(cmpSpan);
        out.set(doc, spans.filter(function (sp, k) { return !k || cmpSpan(sp, spans[k - 1]) !== 0; }));
      });
      return out;
    });
  };
  function cmpSpan(a, b) { return a[0] - b[0] || a[1] - b[1]; }
  function numeric(a, b) { return a - b; }
  function sortedDocs(map) { return Array.from(map.keys()).sort(numeric); }
  function intersect(maps) {
    return sortedDocs(maps[0]).filter(function (doc) { return maps.every(function (m) { return m.has(doc); }); });
  }
  /* Which of `docs` have a title that is one of `names`, after a leading 中华人民共和国 (query.py _title_key). */
  Index.prototype.nameHits = function (docs, names) {
    var self = this;
    var lens = new Set();
    names.forEach(function (a) { lens.add(cpLen(a)); lens.add(cpLen(a) + cpLen(STATE_PREFIX)); });
    var cands = docs.filter(function (d) { return lens.has(self.facets.titleLen[d]); });
    return this.records(cands).then(function (recs) {
      var out = new Set();
      recs.forEach(function (r, k) {
        var t = foldStr(r.title);
        if (names.has(t) || (t.lastIndexOf(STATE_PREFIX, 0) === 0 && names.has(t.slice(STATE_PREFIX.length)))) out.add(cands[k]);
      });
      return out;
    });
  };
  Index.prototype.loadTitles = function () {
    if (!this.titles) this.titles = this.fetchFile("titles.json", "json");
    return this.titles;
  };
  Index.prototype.hit = function (doc, per, match, groups, nameHit) {
    var f = this.facetOf(doc);
    var present = [];
    per.forEach(function (m, k) { if (m.has(doc)) present.push(k); });
    var spans = [];
    present.forEach(function (k) { per[k].get(doc).forEach(function (sp) { spans.push(sp); }); });
    spans.sort(cmpSpan);
    var starts = spans.map(function (sp) { return sp[0]; }).sort(numeric);
    var fallback = match !== "phrase";
    var near = true;
    if (fallback && present.length > 1) {
      var events = [];
      present.forEach(function (k) { per[k].get(doc).forEach(function (sp) { events.push([sp[0], k]); }); });
      events.sort(cmpSpan);
      near = windowOf(events, present.length) <= NEAR;
    }
    var titleWords = present.filter(function (k) { return per[k].get(doc)[0][0] < f.titleLen; }).length;
    return { doc: doc, valid: f.valid, titleHit: starts[0] < f.titleLen, year: f.year, count: starts.length,
      starts: starts, spans: spans, match: match, nameHit: nameHit,
      missing: groups ? groups.filter(function (g, k) { return !per[k].has(doc); }).map(function (g) { return g.word; }) : [],
      matched: fallback ? present.length : 0, titleWords: fallback ? titleWords : 0, near: near, facet: f,
      covered: fallback && groups ? present.reduce(function (n, k) { return n + cpLen(groups[k].word); }, 0) : 0 };
  };
  Index.prototype.facetOf = function (doc) {
    var f = this.facets, m = this.meta;
    return {
      kind: m.kinds[f.kind[doc]],
      status: f.status[doc] ? m.statuses[f.status[doc] - 1] : null,
      category: f.category[doc] ? m.categories[f.category[doc] - 1] : null,
      year: f.year[doc] || null,
      valid: f.valid[doc] === 1,
      titleLen: f.titleLen[doc],
      bodyAt: f.bodyAt[doc],
    };
  };
  var FACETS = ["status", "year", "category", "kind"];
  /* All matches, ranked (query.py answer), and the per-value counts each filter would give: the
     phrases; when they are in fewer than FEW documents, those with every word; else the best partial ones. */
  Index.prototype.search = function (query, filters) {
    var self = this;
    filters = filters || {};
    var terms = splitTerms(query);
    if (!terms.length) return Promise.resolve({ terms: [], hits: [], counts: emptyCounts(), words: [], suggestions: [] });
    var finish = function (all, words, hints) {
      var hits = [];
      var counts = emptyCounts();
      all.forEach(function (hit) {
        var f = hit.facet;
        var fails = FACETS.filter(function (name) {
          var want = filters[name];
          return want !== undefined && want !== null && want !== "" && String(f[name]) !== String(want);
        });
        // a value's count is what choosing it would give with the other filters kept
        FACETS.forEach(function (name) {
          if (f[name] === null) return;
          if (fails.length === 0 || (fails.length === 1 && fails[0] === name)) {
            var c = counts[name];
            c.set(f[name], (c.get(f[name]) || 0) + 1);
          }
        });
        if (!fails.length) hits.push(hit);
      });
      hits.sort(rankCompare);
      return { terms: terms, hits: hits, counts: counts, words: words, suggestions: hints };
    };
    return Promise.all(terms.map(function (t) { return self.altMatches(self.alternatives(t)); })).then(function (perTerm) {
      var phraseDocs = intersect(perTerm);
      var names = new Set(terms.length === 1 ? self.alternatives(terms[0]).map(foldStr) : []);
      return self.nameHits(phraseDocs, names).then(function (named) {
        var hits = phraseDocs.map(function (doc) { return self.hit(doc, perTerm, "phrase", null, named.has(doc)); });
        if (phraseDocs.length >= FEW) return finish(hits, [], []);
        var hanPieces = [];
        terms.forEach(function (t) { pieces(t).forEach(function (p) { if (isHan(p) && cpLen(p) > 1) hanPieces.push(p); }); });
        return Promise.all(hanPieces.map(self.loadTerm, self)).then(function () {
          var groups = queryGroups(terms, function (w) { return self.occurrences(w); });
          return Promise.all(groups.map(function (g) { return self.altMatches(g.alts); })).then(function (perGroup) {
            var done = new Set(phraseDocs);
            var docs = intersect(perGroup).filter(function (d) { return !done.has(d); });
            docs.forEach(function (doc) { hits.push(self.hit(doc, perGroup, "words", groups, false)); done.add(doc); });
            var hints = Promise.resolve([]);
            if (done.size < FEW) { // few documents hold every word: the best partial ones follow them
              bestPartial(perGroup, done).forEach(function (doc) { hits.push(self.hit(doc, perGroup, "partial", groups, false)); });
              var missing = groups.filter(function (g, k) { return !perGroup[k].size; }).map(function (g) { return g.word; });
              if (missing.length && !done.size) hints = self.loadTitles().then(function (titles) { return suggestions(groups, missing, titles); });
            }
            return hints.then(function (hs) { return finish(hits, groups.map(function (g) { return g.word; }), hs); });
          });
        });
      });
    });
  };
  /* The documents outside `done` holding the most of the query's words (at least one), ascending (query.py best_partial). */
  function bestPartial(perGroup, done) {
    var present = new Map(), best = 0;
    perGroup.forEach(function (m) { m.forEach(function (_, doc) { if (!done.has(doc)) present.set(doc, (present.get(doc) || 0) + 1); }); });
    present.forEach(function (n) { best = Math.max(best, n); });
    return sortedDocs(present).filter(function (d) { return present.get(d) === best; });
  }
  function emptyCounts() {
    return { status: new Map(), year: new Map(), category: new Map(), kind: new Map() };
  }
  function flag(x, y) { return x === y ? 0 : x ? -1 : 1; }
  function rankCompare(a, b) {
    return (MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match)) || flag(a.nameHit, b.nameHit) ||
      flag(a.valid, b.valid) || (b.matched - a.matched) || (b.titleWords - a.titleWords) || (b.covered - a.covered) ||
      flag(a.titleHit, b.titleHit) || flag(a.near, b.near) ||
      ((b.year || 0) - (a.year || 0)) || (b.count - a.count) || (a.doc - b.doc);
  }
  Index.prototype.records = function (docs) {
    var self = this;
    var starts = this.meta.chunks;
    return Promise.all(docs.map(function (doc) {
      var lo = 0, hi = starts.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= doc) lo = mid; else hi = mid - 1; }
      return self.fetchFile("c/" + lo + ".json", "json").then(function (items) {
        var it = items[doc - starts[lo]];
        return { url: it[0], title: it[1], text: it[2] };
      });
    }));
  };

  /* ---------------- where the site is ---------------- */

  function siteRoot() {
    // assets/search/search.js sits two levels below the site root
    if (SCRIPT_SRC) return new URL("../../", SCRIPT_SRC);
    var cfg = document.getElementById("__config");
    var base = cfg ? JSON.parse(cfg.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }
  var indexPromise = null;
  function getIndex() {
    if (!indexPromise) {
      var idx = new Index(new URL("search/", siteRoot()));
      indexPromise = idx.ready.catch(function (e) { indexPromise = null; throw e; });
    }
    return indexPromise;
  }

  /* ---------------- rendering ---------------- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  /* Append `cps[from:to]` to `parent`, marking the spans [s, e) given in `marks` (absolute positions). */
  function appendMarked(parent, cps, from, to, offset, marks) {
    var at = from;
    marks.forEach(function (m) {
      var s = Math.max(m[0] - offset, at), e = Math.min(m[1] - offset, to);
      if (e <= s) return;
      if (s > at) parent.appendChild(document.createTextNode(cps.slice(at, s).join("")));
      parent.appendChild(el("mark", null, cps.slice(s, e).join("")));
      at = e;
    });
    if (at < to) parent.appendChild(document.createTextNode(cps.slice(at, to).join("")));
  }
  function statusLabel(f) {
    if (!f.status) return null;
    return INVALID_LABEL[f.status] || f.status;
  }
  function renderHit(hit, rec, terms, ctx) {
    var f = hit.facet;
    var li = el("li", "md-search-result__item gov-search__item" + (f.valid ? "" : " gov-search__item--invalid"));
    var a = el("a", "md-search-result__link gov-search__link");
    a.href = new URL(rec.url, ctx.root).href;
    var art = el("article", "md-search-result__article gov-search__article");
    // on the results page each result is a heading under the page's h1; in the header panel
    // (before the page's own headings) a heading would break the outline, so it is plain text
    var h = el(ctx.mode === "page" ? "h2" : "div", "gov-search__title");
    var title = Array.from(rec.title);
    var marks = hit.spans;
    var ended = statusLabel(f);
    // 【已废止】 before the title, as in the page's <title> and every list of the site
    if (!f.valid && ended) h.appendChild(el("span", "gov-search__mark", "【" + ended + "】"));
    appendMarked(h, title, 0, title.length, 0, marks);
    art.appendChild(h);
    var info = el("p", "gov-search__info");
    var label = statusLabel(f);
    if (label) {
      var badge = el("span", "gov-search__badge " + (f.valid ? "gov-search__badge--valid" : "gov-search__badge--invalid"), label);
      if (!f.valid) badge.title = "该文件" + label + "，排在有效文件之后";
      info.appendChild(badge);
    }
    var bits = [KIND_LABEL[f.kind] || f.kind];
    if (f.category) bits.push(f.category);
    if (f.year) bits.push(f.year + "年");
    info.appendChild(el("span", "gov-search__facts", bits.join(" · ")));
    art.appendChild(info);
    var text = Array.from(rec.text);
    var bodyAt = f.bodyAt;
    var first = hit.starts.filter(function (s) { return s >= bodyAt; })[0];
    var p = el("p", "gov-search__snippet");
    var from = 0, to = Math.min(text.length, 90);
    if (first !== undefined && first - bodyAt < text.length) {
      from = Math.max(0, first - bodyAt - 24);
      to = Math.min(text.length, from + 90);
    }
    if (from > 0) p.appendChild(document.createTextNode("…"));
    appendMarked(p, text, from, to, bodyAt, marks);
    if (to < text.length) p.appendChild(document.createTextNode("…"));
    art.appendChild(p);
    if (hit.missing.length) art.appendChild(el("p", "gov-search__missing", "缺少：" + hit.missing.join("、")));
    if (!f.valid) art.appendChild(el("p", "gov-search__note", "此文件" + (label || "已失去效力") + "，仅供查阅历史，请以现行有效文件为准。"));
    a.appendChild(art);
    li.appendChild(a);
    return li;
  }
  /* ---------------- controllers (header overlay and results page) ---------------- */

  var FILTER_LABEL = { status: "状态", year: "年份", category: "分类", kind: "类型" };
  // 分类 means something different for each kind of record: offered only once a 类型 is chosen, and named for it
  var CATEGORY_LABEL = { "文件": "主题分类", "权力": "权力类型", "依据": "效力层级" };
  var SECTION_LABEL = {
    words: function (words) { return "以下结果包含查询中的全部词语（" + words.join("、") + "），但不相连"; },
    partial: function (words, after) {
      return after ? "以下结果只包含查询中的部分词语（" + words.join("、") + "）"
        : "没有同时包含" + words.join("、") + "的结果，以下结果只包含其中一部分";
    },
  };

  function hasWhole(hits) { return hits.some(function (h) { return h.match !== "partial"; }); }

  function Controller(root, mode) {
    this.root = root;
    this.mode = mode; // "overlay" | "page"
    this.input = root.querySelector("input[name=q]");
    this.count = root.querySelector("[data-gov-search-count]");
    this.list = root.querySelector("[data-gov-search-list]");
    this.filterBox = root.querySelector("[data-gov-search-filters]");
    this.moreBox = root.querySelector("[data-gov-search-more]");
    this.filters = { status: "", year: "", category: "", kind: "" };
    this.seq = 0;
    this.shown = 0;
    this.result = null;
    this.timer = null;
    this.bind();
  }
  Controller.prototype.bind = function () {
    var self = this;
    var composing = false;
    this.input.addEventListener("compositionstart", function () { composing = true; });
    this.input.addEventListener("compositionend", function () { composing = false; self.schedule(); });
    this.input.addEventListener("input", function (e) { if (!composing && !e.isComposing) self.schedule(); });
    this.input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { self.focusResult(0); e.preventDefault(); }
      if (e.key === "Escape" && self.mode === "overlay") { self.close(); e.preventDefault(); }
    });
    this.list.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(self.list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) return;
      if (e.key === "ArrowDown") { self.focusResult(at + 1); e.preventDefault(); }
      if (e.key === "ArrowUp") { if (at === 0) self.input.focus(); else self.focusResult(at - 1); e.preventDefault(); }
      if (e.key === "Escape" && self.mode === "overlay") { self.close(); e.preventDefault(); }
    });
    var form = this.input.form;
    if (form) {
      form.addEventListener("submit", function (e) {
        if (self.mode === "page") { e.preventDefault(); self.run(true); }
        else { form.action = self.pageUrl(); if (!self.input.value.trim()) e.preventDefault(); }
      });
      form.addEventListener("reset", function () { setTimeout(function () { self.schedule(); self.input.focus(); }, 0); });
    }
    if (this.mode === "overlay") {
      var toggle = document.getElementById("__search");
      this.toggle = toggle;
      this.output = this.root.querySelector(".md-search__output");
      this.setOpen(false);
      this.input.addEventListener("focus", function () { self.setOpen(true); });
      // the reader is about to search: load the manifest and facets now, not after the first keystroke
      ["pointerenter", "touchstart", "focusin"].forEach(function (type) {
        self.root.addEventListener(type, function () { getIndex().catch(function () {}); }, { passive: true });
      });
      if (toggle) toggle.addEventListener("change", function () { // the magnifier, the overlay, the back arrow
        self.setOpen(toggle.checked);
        if (toggle.checked) self.input.focus();
        else self.input.blur();
      });
      this.root.addEventListener("click", function (e) {
        var a = e.target.closest && e.target.closest("a");
        if (a) self.setOpen(false);
      });
    }
  };
  /* Material's CSS shows the panel while the __search toggle is on; while it is off, the results
     stay in the DOM but out of the tab order and the accessibility tree (inert). */
  Controller.prototype.setOpen = function (open) {
    if (this.toggle && this.toggle.checked !== open) this.toggle.checked = open;
    if (this.output) this.output.inert = !open;
  };
  Controller.prototype.close = function () {
    this.setOpen(false);
    this.input.blur();
  };
  Controller.prototype.focusResult = function (n) {
    var links = this.list.querySelectorAll("a");
    if (links.length) links[Math.min(n, links.length - 1)].focus();
  };
  Controller.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.run(false); }, DEBOUNCE_MS);
  };
  Controller.prototype.pageUrl = function () {
    var u = new URL("search/", siteRoot());
    return u.pathname;
  };
  Controller.prototype.pageHref = function () {
    var u = new URL("search/", siteRoot());
    var q = this.input.value.trim();
    if (q) u.searchParams.set("q", q);
    var self = this;
    FACETS.forEach(function (name) { if (self.filters[name]) u.searchParams.set(name, self.filters[name]); });
    return u.href;
  };
  Controller.prototype.setCount = function (text) {
    this.count.textContent = text;
  };
  Controller.prototype.run = function (fromSubmit) {
    var self = this;
    var query = this.input.value;
    var seq = ++this.seq;
    if (this.mode === "page") this.syncUrl(fromSubmit);
    if (!splitTerms(query).length) {
      this.result = null;
      this.list.textContent = "";
      if (this.hint) this.hint.hidden = true;
      if (this.moreBox) this.moreBox.textContent = "";
      this.renderFilters(null);
      this.setCount(query.trim() ? "请输入汉字、字母或数字" : "输入关键词开始搜索");
      return Promise.resolve();
    }
    var started = performance.now();
    if (!this.result) this.setCount("正在搜索…");
    return getIndex().then(function (idx) {
      return idx.search(query, self.filters).then(function (res) {
        if (seq !== self.seq) return null;
        self.idx = idx;
        self.result = res;
        self.elapsed = performance.now() - started;
        self.list.textContent = "";
        self.shown = 0;
        self.renderFilters(res.counts);
        return self.more();
      });
    }).catch(function (e) {
      if (seq !== self.seq) return;
      self.setCount("搜索索引加载失败，请稍后重试（" + e.message + "）");
    });
  };
  Controller.prototype.more = function () {
    var self = this;
    var res = this.result;
    var size = this.mode === "page" ? PAGE_SIZE : OVERLAY_PAGE;
    var slice = res.hits.slice(this.shown, this.shown + size);
    var seq = this.seq;
    return this.idx.records(slice.map(function (h) { return h.doc; })).then(function (recs) {
      if (seq !== self.seq) return;
      var root = siteRoot();
      var prev = self.shown > 0 ? res.hits[self.shown - 1] : null;
      var prevValid = prev ? prev.valid || prev.nameHit : true;
      var prevMatch = prev ? prev.match : "phrase";
      slice.forEach(function (hit, k) {
        if (hit.match !== prevMatch) { // each kind of fallback result under its own label
          self.list.appendChild(el("li", "gov-search__divider gov-search__divider--words", SECTION_LABEL[hit.match](res.words, hasWhole(res.hits))));
          prevValid = true;
        }
        prevMatch = hit.match;
        if (prevValid && !hit.valid && !hit.nameHit) { // a law named by the query stays on top, with its badge
          self.list.appendChild(el("li", "gov-search__divider", "以下结果已废止或已失效，排在有效结果之后"));
        }
        prevValid = hit.valid || hit.nameHit;
        self.list.appendChild(renderHit(hit, recs[k], res.terms, { root: root, mode: self.mode }));
      });
      self.shown += slice.length;
      self.renderCount();
      self.renderMore();
      self.list.setAttribute("data-ready", String(self.seq));
    });
  };
  Controller.prototype.renderCount = function () {
    var hits = this.result.hits;
    var n = hits.length;
    var invalid = hits.filter(function (h) { return !h.valid; }).length;
    var exact = hits.filter(function (h) { return h.match !== "partial"; }).length;
    var text = n === 0 ? "没有找到包含“" + this.result.terms.join(" ") + "”的结果" : "找到 " + n + " 条结果";
    if (n && !exact) text += "，但没有结果包含查询中的全部词语";
    else if (exact < n) text = "找到 " + exact + " 条结果，另有 " + (n - exact) + " 条只包含查询中的部分词语";
    if (n && invalid) text += "（其中 " + invalid + " 条已废止或已失效，排在后面）";
    var self = this;
    var active = FACETS.filter(function (name) { return self.filters[name]; });
    if (active.length) {
      text += "；已按" + active.map(function (name) { return FILTER_LABEL[name]; }).join("、") + "筛选" +
        (n ? "" : "，可把筛选改回“全部”");
    }
    this.setCount(text);
    this.renderHint(exact === 0);
  };
  /* Nothing (or only part of the query) found: suggest a nearby query and where else to look. */
  Controller.prototype.renderHint = function (show) {
    if (!this.hint) {
      this.hint = el("div", "gov-search__hint");
      this.list.parentNode.insertBefore(this.hint, this.list);
    }
    this.hint.textContent = "";
    this.hint.hidden = !show;
    if (!show) return;
    var self = this;
    var root = siteRoot();
    var sug = this.result.suggestions;
    if (sug.length) {
      var p = el("p", "gov-search__suggest", "您是不是要找：");
      sug.forEach(function (q, k) {
        if (k) p.appendChild(document.createTextNode("、"));
        var a = el("a", null, q);
        var u = new URL("search/", root);
        u.searchParams.set("q", q);
        a.href = u.href;
        a.addEventListener("click", function (e) {
          if (self.mode !== "page") return;
          e.preventDefault();
          self.input.value = q;
          self.run(true);
        });
        p.appendChild(a);
      });
      this.hint.appendChild(p);
    }
    var more = el("p", "gov-search__elsewhere", "也可以在");
    var cat = el("a", null, "公开目录");
    cat.href = new URL("catalogue/", root).href;
    var apply = el("a", null, "依申请公开");
    apply.href = new URL("guide/apply/", root).href;
    more.appendChild(cat);
    more.appendChild(document.createTextNode("中按分类查找；没有主动公开的政府信息，可以通过"));
    more.appendChild(apply);
    more.appendChild(document.createTextNode("向本机关申请获取。"));
    this.hint.appendChild(more);
  };
  Controller.prototype.renderMore = function () {
    var self = this;
    if (!this.moreBox) return;
    this.moreBox.textContent = "";
    var rest = this.result.hits.length - this.shown;
    if (rest <= 0) return;
    if (this.mode === "overlay") {
      var a = el("a", "gov-search__all", "查看全部 " + this.result.hits.length + " 条结果");
      a.href = this.pageHref();
      this.moreBox.appendChild(a);
    } else {
      var b = el("button", "md-button gov-search__more-button", "显示更多结果（还有 " + rest + " 条）");
      b.type = "button";
      b.addEventListener("click", function () {
        var at = self.shown;
        self.more().then(function () { self.focusResult(at); });
      });
      this.moreBox.appendChild(b);
    }
  };
  Controller.prototype.renderFilters = function (counts) {
    var self = this;
    var box = this.filterBox;
    if (!box) return;
    if (!counts) { box.hidden = true; return; }
    box.hidden = false;
    if (!box.firstChild) {
      FACETS.forEach(function (name) {
        var id = "gov-search-" + self.mode + "-" + name;
        var wrap = el("span", "gov-search__filter");
        var label = el("label", null, FILTER_LABEL[name]);
        label.htmlFor = id;
        var select = el("select");
        select.id = id;
        select.name = name;
        select.addEventListener("change", function () {
          self.filters[name] = select.value;
          if (name === "kind") self.filters.category = ""; // another kind's 分类 would match nothing
          self.run(false);
        });
        wrap.appendChild(label);
        wrap.appendChild(select);
        box.appendChild(wrap);
      });
    }
    FACETS.forEach(function (name) {
      var select = box.querySelector("select[name=" + name + "]");
      var values = Array.from(counts[name].keys());
      if (name === "year") values.sort(function (a, b) { return b - a; });
      else {
        var order = name === "kind" ? self.idx.meta.kinds : name === "status" ? self.idx.meta.statuses : self.idx.meta.categories;
        values.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
      }
      var current = self.filters[name];
      if (current && values.map(String).indexOf(current) < 0) values.push(name === "year" ? Number(current) : current);
      select.textContent = "";
      var all = el("option", null, "全部");
      all.value = "";
      select.appendChild(all);
      values.forEach(function (v) {
        var shown = name === "year" ? v + "年" : name === "status" ? (INVALID_LABEL[v] || v) : name === "kind" ? (KIND_LABEL[v] || v) : v;
        var o = el("option", null, shown + "（" + (counts[name].get(v) || 0) + "）");
        o.value = String(v);
        select.appendChild(o);
      });
      select.value = current;
      // a filter with one choice or none is noise, unless it is the one in use
      var unused = values.length < 2 && !current;
      if (name === "category") {
        var kind = self.filters.kind;
        select.parentNode.querySelector("label").textContent = CATEGORY_LABEL[kind] || FILTER_LABEL.category;
        unused = unused || (!CATEGORY_LABEL[kind] && !current);
      }
      select.parentNode.hidden = unused;
    });
  };
  Controller.prototype.syncUrl = function (push) {
    var u = new URL(location.href);
    u.search = "";
    var q = this.input.value.trim();
    if (q) u.searchParams.set("q", q);
    var self = this;
    FACETS.forEach(function (name) { if (self.filters[name]) u.searchParams.set(name, self.filters[name]); });
    if (u.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", u.href);
  };
  Controller.prototype.fromUrl = function () {
    var params = new URL(location.href).searchParams;
    var self = this;
    this.input.value = params.get("q") || "";
    FACETS.forEach(function (name) { self.filters[name] = params.get(name) || ""; });
    if (this.input.value) this.run(false);
    else this.setCount("输入关键词开始搜索");
  };

  /* ---------------- start ---------------- */

  var controllers = new WeakMap();
  function init() {
    document.querySelectorAll("[data-gov-search]").forEach(function (root) {
      if (controllers.has(root)) return;
      var mode = root.getAttribute("data-gov-search");
      var c = new Controller(root, mode);
      controllers.set(root, c);
      if (mode === "page") {
        c.fromUrl();
        window.addEventListener("popstate", function () { c.fromUrl(); });
      }
    });
  }
  document.addEventListener("keydown", function (e) {
    // "/" or "s" focuses the header search box unless the reader is typing somewhere
    if (e.metaKey || e.ctrlKey || e.altKey || (e.key !== "/" && e.key !== "s")) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var input = document.querySelector("[data-gov-search=overlay] input[name=q]");
    if (input) { input.focus(); e.preventDefault(); }
  });

  /* The engine, for tests and for other scripts: search(query, filters) → {terms, hits, counts}. */
  window.govSearch = {
    search: function (query, filters) {
      return getIndex().then(function (idx) { return idx.search(query, filters); });
    },
    records: function (docs) { return getIndex().then(function (idx) { return idx.records(docs); }); },
    splitTerms: splitTerms,
    termTokens: termTokens,
    /* Resolves once the manifest and lexicon are in (traditional characters fold from then on). */
    ready: function () { return getIndex().then(function () { return true; }); },
    shardOf: function (gram) { return getIndex().then(function (idx) { return shardOf(gram, idx.meta); }); },
    fnv1a: fnv1a,
  };

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init); // Material instant navigation
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
