// Gijiroku static site: search in the browser, as `gijiroku search` searches the index.
//
// The same tokens as the index (character bigrams, a Japanese run's last character
// colocated, Latin words, width and character variants folded), the same query language
// (AND by space, "phrase", OR, -word, word variants), the same BM25 ranking, from the
// search files `gijiroku site` writes (data/*.js, each handing its data to
// Gijiroku.receive). A query loads only its tokens' shards. Record text is only ever put
// in the page as text nodes.
"use strict";
var Gijiroku = (function () {
  var root = "";
  var cache = Object.create(null);
  var pending = Object.create(null);

  // ---- Loading data files -------------------------------------------------------------

  var received = [];
  function receive(key, data) {
    received.push(key);
    cache[key] = data;
    var waiting = pending[key];
    delete pending[key];
    if (waiting) waiting.resolve(data);
  }

  function load(key) {
    if (key in cache) return Promise.resolve(cache[key]);
    if (pending[key]) return pending[key].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      var script = document.createElement("script");
      script.src = root + "data/" + key + ".js";
      script.onerror = function () { delete pending[key]; reject(new Error("data/" + key + ".js could not be loaded")); };
      document.head.appendChild(script);
    });
    pending[key] = entry;
    return entry.promise;
  }

  function decodeBase64(text) {
    var binary = atob(text);
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  // Unsigned LEB128 reader over a byte array.
  function Reader(bytes, start, end) { this.b = bytes; this.i = start || 0; this.end = end === undefined ? bytes.length : end; }
  Reader.prototype.varint = function () {
    var v = 0, shift = 0, b;
    do { b = this.b[this.i++]; v += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return v;
  };
  Reader.prototype.byte = function () { return this.b[this.i++]; };
  Reader.prototype.more = function () { return this.i < this.end; };

  // ---- Tokens (JapaneseTokens) ----------------------------------------------------------

  var HALF = Array.from("。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜")
    .map(function (c) { return c.codePointAt(0); });
  var FOLD = new Map();
  var JA = 1, LA = 2, SEP = 0;
  var ALPHA = /\p{Alphabetic}/u;

  function widthFold(v) {
    if (v >= 0xff01 && v <= 0xff5e) return v - 0xfee0;
    if (v >= 0xff61 && v <= 0xff9f) return HALF[v - 0xff61];
    return v;
  }
  function foldCharacter(v) { var f = FOLD.get(v); return f === undefined ? v : (f < 0 ? null : f); }
  function classify(v) {
    if ((v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5a) || (v >= 0x61 && v <= 0x7a)) return LA;
    if ((v >= 0x3005 && v <= 0x3007) || (v >= 0x3041 && v <= 0x3096) || (v >= 0x309d && v <= 0x309f) || (v >= 0x30a1 && v <= 0x30fa) ||
        (v >= 0x30fc && v <= 0x30ff) || (v >= 0x3400 && v <= 0x4dbf) || (v >= 0x4e00 && v <= 0x9fff) || (v >= 0xf900 && v <= 0xfaff) ||
        (v >= 0x20000 && v <= 0x3ffff)) return JA;
    if ((v >= 0xc0 && v <= 0x24f) || (v >= 0x370 && v <= 0x3ff) || (v >= 0x400 && v <= 0x4ff)) return ALPHA.test(String.fromCodePoint(v)) ? LA : SEP;
    return SEP;
  }
  function compose(v, semi) {
    if (semi) return v >= 0x30cf && v <= 0x30db && (v - 0x30cf) % 3 === 0 ? v + 2 : null;
    if (v === 0x30a6) return 0x30f4;
    if (v >= 0x30ab && v <= 0x30c2 && (v - 0x30ab) % 2 === 0) return v + 1;
    if (v >= 0x30c4 && v <= 0x30c8 && (v - 0x30c4) % 2 === 0) return v + 1;
    if (v >= 0x30cf && v <= 0x30db && (v - 0x30cf) % 3 === 0) return v + 1;
    return null;
  }

  // Calls emit(token, start, end, colocated) for each token; start and end index the string.
  function tokenize(text, forIndex, emit) {
    var runClass = SEP, older = null, newer = null, runLength = 0, latin = "", latinStart = 0, latinEnd = 0;
    function token(a, b, colocated) {
      emit(String.fromCodePoint(a.v) + (b ? String.fromCodePoint(b.v) : ""), a.start, (b || a).end, colocated);
    }
    function flush() {
      if (runClass === JA) {
        var last = newer, before = older, length = runLength;
        older = null; newer = null; runLength = 0;
        if (!last) return;
        if (before) token(before, last, false);
        if (length === 1) token(last, null, false);
        else if (forIndex) token(last, null, true);
      } else if (runClass === LA) {
        emit(latin, latinStart, latinEnd, false);
      }
    }
    for (var i = 0; i < text.length;) {
      var start = i;
      var decoded = text.codePointAt(i);
      i += decoded > 0xffff ? 2 : 1;
      var v = foldCharacter(widthFold(decoded));
      if (v === null) {
        if (runClass === JA && newer) newer = { v: newer.v, start: newer.start, end: i };
        continue;
      }
      if ((decoded === 0xff9e || decoded === 0xff9f) && runClass === JA && newer) {
        var composed = compose(newer.v, decoded === 0xff9f);
        if (composed !== null) { newer = { v: composed, start: newer.start, end: i }; continue; }
      }
      var cls = classify(v);
      if (cls === LA && v >= 0x41 && v <= 0x5a) v += 0x20;
      if (cls !== runClass) { flush(); runClass = cls; latinStart = start; latin = ""; }
      if (cls === JA) {
        if (older && newer) token(older, newer, false);
        older = newer;
        newer = { v: v, start: start, end: i };
        runLength++;
      } else if (cls === LA) {
        latinEnd = i;
        latin += String.fromCodePoint(v);
      }
    }
    flush();
  }

  // Tokens with FTS5's positions (a colocated token shares the position before it).
  function positionedTokens(text) {
    var out = [], position = -1;
    tokenize(text, true, function (t, start, end, colocated) {
      if (!colocated) position++;
      out.push({ text: t, start: start, end: end, position: position });
    });
    return out;
  }

  // ---- Word variants (WordVariants) ----------------------------------------------------

  var byFirst = new Map(), groupForms = [];
  function variantWidthFold(v) {
    if (v >= 0xff01 && v <= 0xff5e) return v - 0xfee0;
    if (v === 0x3000) return 0x20;
    if (v === 0x301c || v === 0x2053) return 0x7e;
    if (v === 0x2010 || v === 0x2011 || v === 0x2012 || v === 0x2013 || v === 0x2212) return 0x2d;
    if (v >= 0xff61 && v <= 0xff9f) return HALF[v - 0xff61];
    return v;
  }
  function variantKey(text) {
    var out = [];
    for (var c of text) {
      var w = variantWidthFold(c.codePointAt(0));
      if (w === 0x20 || w === 0x09 || w === 0x0a || w === 0x0d) continue;
      var f = foldCharacter(w);
      if (f === null) continue;
      if (f >= 0x41 && f <= 0x5a) f += 0x20;
      out.push(f);
    }
    return out;
  }
  function isLatin(v) { return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7a) || (v >= 0x41 && v <= 0x5a); }
  function sameAt(k, i, form) { for (var j = 0; j < form.length; j++) if (k[i + j] !== form[j]) return false; return true; }
  function sameArray(a, b) { return a.length === b.length && sameAt(a, 0, b); }
  function codePoints(a) { return String.fromCodePoint.apply(null, a); }
  function variantMatches(k) {
    var found = [], i = 0;
    while (i < k.length) {
      var matched = false, candidates = byFirst.get(k[i]);
      if (candidates) {
        for (var c of candidates) {
          var form = c.key;
          if (form.length > k.length - i || !sameAt(k, i, form)) continue;
          if (isLatin(form[0]) && i > 0 && isLatin(k[i - 1])) continue;
          if (isLatin(form[form.length - 1]) && i + form.length < k.length && isLatin(k[i + form.length])) continue;
          found.push([i, form.length, c.group]);
          i += form.length;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return found;
  }
  // The word and its variant spellings, the word as typed first (at most 16).
  function expansion(word) {
    var k = variantKey(word), found = variantMatches(k);
    if (!found.length) return [word];
    var spellings = [[]], at = 0;
    for (var m of found) {
      var between = k.slice(at, m[0]), typed = k.slice(m[0], m[0] + m[1]);
      var forms = [typed].concat(groupForms[m[2]].filter(function (f) { return !sameArray(f, typed); }));
      var next = [];
      outer: for (var s of spellings) {
        for (var f of forms) {
          next.push(s.concat(between, f));
          if (next.length >= 16) break outer;
        }
      }
      spellings = next;
      at = m[0] + m[1];
    }
    var tail = k.slice(at), alternatives = [word], seen = new Set([codePoints(k)]);
    for (var spelling of spellings) {
      var full = codePoints(spelling.concat(tail));
      if (!seen.has(full)) { seen.add(full); alternatives.push(full); }
    }
    return alternatives;
  }

  // ---- Queries (SearchQuery) -------------------------------------------------------------

  function isSpace(c) { return c === " " || c === "\t" || c === "\u3000" || c === "\n" || c === "\r"; }
  function words(text) {
    var out = [], current = "", inQuote = false, negated = false, quoted = false;
    function finish() { if (current) out.push({ text: current, quoted: quoted, negated: negated }); current = ""; negated = false; quoted = false; }
    for (var c of text) {
      if (c === "\"" || c === "＂" || c === "”" || c === "“") {
        if (inQuote) { inQuote = false; quoted = true; finish(); } else { finish(); inQuote = true; quoted = true; }
        continue;
      }
      if (inQuote) { current += c; continue; }
      if (isSpace(c)) { finish(); continue; }
      if (!current && !negated && (c === "-" || c === "－")) { negated = true; continue; }
      current += c;
    }
    if (inQuote) quoted = true;
    finish();
    return out;
  }

  // A word as a phrase: its query tokens, and whether the last is a one-character prefix.
  function phraseOf(word) {
    var tokens = [];
    tokenize(word, false, function (t) { tokens.push(t); });
    if (!tokens.length) return null;
    var last = Array.from(tokens[tokens.length - 1]);
    var prefix = last.length === 1 && classify(last[0].codePointAt(0)) === JA;
    return { tokens: tokens, prefix: prefix, key: tokens.join(" ") + (prefix ? "*" : "") };
  }

  function QueryError(code, values) { this.code = code; this.values = values || {}; }

  // { phrases: [{phrase, group (-1: excluded), typed}], groups: [[phrase index]], negatives: [phrase index], expansions }
  function parse(text, exact) {
    var length = Array.from(text).length;
    if (length > 2000) throw new QueryError("tooLong", { length: length });
    var positives = [], negatives = [], pendingOr = false, expansions = [];
    for (var w of words(text)) {
      if (!w.quoted && !w.negated && w.text === "OR") { pendingOr = positives.length > 0; continue; }
      var alternatives = exact ? [w.text] : expansion(w.text);
      var typed = phraseOf(w.text);
      if (!typed) continue;
      var spellings = [typed];
      for (var alternative of alternatives.slice(1)) {
        var p = phraseOf(alternative);
        if (!p || spellings.some(function (s) { return s.key === p.key; })) continue;
        spellings.push(p);
      }
      if (w.negated) negatives.push(spellings);
      else {
        if (alternatives.length > 1 && spellings.length > 1) expansions.push(alternatives);
        if (pendingOr && positives.length) positives[positives.length - 1].push(spellings);
        else positives.push([spellings]);
      }
      pendingOr = false;
    }
    if (!positives.length) throw new QueryError(negatives.length ? "onlyExclusions" : "emptyQuery");
    var phrases = [], groups = [], excluded = [];
    positives.forEach(function (group, g) {
      var members = [];
      for (var spellings of group) spellings.forEach(function (p, k) { phrases.push({ phrase: p, group: g, typed: k === 0 }); members.push(phrases.length - 1); });
      groups.push(members);
    });
    for (var spellings of negatives) for (var p of spellings) { phrases.push({ phrase: p, group: -1, typed: true }); excluded.push(phrases.length - 1); }
    return { phrases: phrases, groups: groups, negatives: excluded, expansions: expansions };
  }

  // ---- Postings ----------------------------------------------------------------------------

  var encoder = new TextEncoder();
  var meta = null, docs = null, lengths = null;
  var shards = Object.create(null);

  function shardOf(token) {
    var h = 0x811c9dc5;
    for (var b of encoder.encode(token)) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
    return h & (meta.shards - 1);
  }

  // A shard's entries by token: for postings { count, start, end }, for positions { start, end }.
  function entries(kind, n) {
    var key = kind + "/" + n;
    if (shards[key]) return Promise.resolve(shards[key]);
    return load(key).then(function (data) {
      var bytes = decodeBase64(data), r = new Reader(bytes), map = new Map(), decoder = new TextDecoder();
      while (r.more()) {
        var length = r.varint();
        var token = decoder.decode(bytes.subarray(r.i, r.i + length));
        r.i += length;
        var entry = { bytes: bytes };
        if (kind === "t") entry.count = r.varint();
        var size = r.varint();
        entry.start = r.i; entry.end = r.i + size;
        r.i += size;
        map.set(token, entry);
      }
      shards[key] = map;
      return map;
    });
  }

  // A token's elements: { ids, tf } (typed arrays, ids ascending).
  var postingsCache = new Map();
  function postings(token) {
    if (postingsCache.has(token)) return Promise.resolve(postingsCache.get(token));
    return entries("t", shardOf(token)).then(function (map) {
      var e = map.get(token), n = e ? e.count : 0;
      var out = { ids: new Int32Array(n), tf: new Int32Array(n) };
      if (e) {
        var r = new Reader(e.bytes, e.start, e.end), id = 0;
        for (var i = 0; i < n; i++) { id += r.varint(); out.ids[i] = id; out.tf[i] = r.varint(); }
      }
      postingsCache.set(token, out);
      return out;
    });
  }

  // A token's positions for the elements in `wanted` (a Set of ids): Map id → positions.
  function positions(token, list, wanted) {
    return entries("q", shardOf(token)).then(function (map) {
      var e = map.get(token), out = new Map();
      if (!e) return out;
      var r = new Reader(e.bytes, e.start, e.end);
      for (var i = 0; i < list.ids.length; i++) {
        var count = r.varint(), keep = wanted.has(list.ids[i]), at = 0, ps = keep ? [] : null;
        for (var k = 0; k < count; k++) { at += r.varint(); if (keep) ps.push(at); }
        if (keep) out.set(list.ids[i], ps);
      }
      return out;
    });
  }

  function intersect(lists) {
    var sorted = lists.slice().sort(function (a, b) { return a.ids.length - b.ids.length; });
    var set = new Set(sorted[0].ids);
    for (var l = 1; l < sorted.length; l++) {
      var next = new Set();
      for (var id of sorted[l].ids) if (set.has(id)) next.add(id);
      set = next;
    }
    return set;
  }

  // A phrase's matches: { ids, tf }, as FTS5 matches the quoted phrase.
  var phraseCache = new Map();
  function evaluate(phrase) {
    if (phraseCache.has(phrase.key)) return phraseCache.get(phrase.key);
    var tokens = phrase.tokens.slice();
    if (phrase.prefix) tokens[tokens.length - 1] += "*";
    var promise = Promise.all(tokens.map(postings)).then(function (lists) {
      if (tokens.length === 1) return lists[0];
      var wanted = intersect(lists);
      var first = lists[0];
      if (phrase.prefix) return verify(phrase, wanted);
      return Promise.all(phrase.tokens.map(function (t, i) { return positions(t, lists[i], wanted); })).then(function (maps) {
        var ids = [], tf = [];
        for (var i = 0; i < first.ids.length; i++) {
          var id = first.ids[i];
          if (!wanted.has(id)) continue;
          var count = 0, sets = maps.map(function (m) { return new Set(m.get(id)); });
          for (var p of maps[0].get(id)) {
            var all = true;
            for (var k = 1; k < maps.length && all; k++) all = sets[k].has(p + k);
            if (all) count++;
          }
          if (count) { ids.push(id); tf.push(count); }
        }
        return { ids: Int32Array.from(ids), tf: Int32Array.from(tf) };
      });
    });
    phraseCache.set(phrase.key, promise);
    return promise;
  }

  // A phrase ending in a one-character prefix: the candidates' texts tokenized again.
  function verify(phrase, wanted) {
    var ids = Array.from(wanted).sort(function (a, b) { return a - b; });
    return Promise.all(ids.map(elementRecord)).then(function (records) {
      var out = { ids: [], tf: [] };
      var last = phrase.tokens[phrase.tokens.length - 1], n = phrase.tokens.length;
      records.forEach(function (record, i) {
        if (!record) return;
        var tokens = positionedTokens(record.text), at = new Map();
        for (var t of tokens) { if (!at.has(t.position)) at.set(t.position, []); at.get(t.position).push(t.text); }
        var starts = new Set();
        for (var t of tokens) {
          if (t.text !== phrase.tokens[0] && !(n === 1 && t.text.startsWith(last))) continue;
          var ok = true;
          for (var k = 1; k < n && ok; k++) {
            var here = at.get(t.position + k) || [];
            ok = k === n - 1 ? here.some(function (x) { return x.startsWith(last); }) : here.indexOf(phrase.tokens[k]) >= 0;
          }
          if (ok) starts.add(t.position);
        }
        if (starts.size) { out.ids.push(ids[i]); out.tf.push(starts.size); }
      });
      return { ids: Int32Array.from(out.ids), tf: Int32Array.from(out.tf) };
    });
  }

  // ---- Documents ---------------------------------------------------------------------------

  function loadDocuments() {
    if (docs) return Promise.resolve(docs);
    return load("docs").then(function (data) {
      var r = new Reader(decodeBase64(data)), out = { id: [], first: [], count: [], day: [], rank: [], offset: [] }, end = 0, offset = 0;
      while (r.more()) {
        out.id.push(r.varint());
        var first = end + r.varint(), count = r.varint();
        out.first.push(first); out.count.push(count); out.day.push(r.varint()); out.rank.push(r.varint()); out.offset.push(offset);
        end = first + count; offset += count;
      }
      docs = out;
      return out;
    });
  }

  // The position in the documents table of the document holding element `id`.
  function documentOf(id) {
    var lo = 0, hi = docs.first.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (docs.first[mid] <= id) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function documentRecord(d) { return load("d/" + docs.id[d]); }

  // An element as the hit shows it, with its document.
  function elementRecord(id) {
    var d = documentOf(id);
    return documentRecord(d).then(function (doc) {
      var i = id - doc.first, e = doc.elements[i];
      if (!e) return null;
      return { id: id, kind: meta.kinds[e[0]], marker: e[1], text: e[2], speaker: e[3], agenda: e[4], start: e[5], end: e[5] + e[6], back: e[7], index: i, doc: doc };
    });
  }

  // ---- Filters -------------------------------------------------------------------------------

  function foldSpeaker(text) {
    var out = "";
    for (var c of text) {
      if (isSpace(c)) continue;
      var f = foldCharacter(c.codePointAt(0));
      if (f !== null) out += String.fromCodePoint(f);
    }
    return out;
  }
  function dayOf(iso) { return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Number(iso.replace(/-/g, "")) : 0; }

  // A test of element id for the filters, loading what they need.
  function filterTest(params) {
    var kind = params.kind ? meta.kinds.indexOf(params.kind) : -1;
    var since = dayOf(params.since), until = dayOf(params.until);
    var speaker = params.speaker ? foldSpeaker(params.speaker) : "";
    var needs = [params.meeting ? load("titles") : null, speaker ? load("speakers") : null, params.kind ? loadKinds() : null];
    return Promise.all(needs).then(function (loaded) {
      var titles = loaded[0], speakers = loaded[1], kinds = loaded[2], codes = speakers ? decodeSpeakerCodes(speakers) : null;
      var allowedSpeakers = speakers ? new Set(speakers.names.map(function (n, i) { return n.indexOf(speaker) >= 0 ? i + 1 : -1; })) : null;
      return function (id) {
        if (!since && !until && !titles && !codes && !kinds) return true;
        var d = documentOf(id);
        if (kinds && kinds[docs.offset[d] + id - docs.first[d]] !== kind) return false;
        if (since || until) { var day = docs.day[d]; if (!day || (since && day < since) || (until && day > until)) return false; }
        if (titles && titles[d].indexOf(params.meeting) < 0) return false;
        if (codes && !allowedSpeakers.has(codes[docs.offset[d] + id - docs.first[d]])) return false;
        return true;
      };
    });
  }
  var kindCodes = null;
  function loadKinds() {
    return kindCodes ? Promise.resolve(kindCodes) : load("kinds").then(function (data) { kindCodes = decodeBase64(data); return kindCodes; });
  }
  var speakerCodes = null;
  function decodeSpeakerCodes(speakers) {
    if (speakerCodes) return speakerCodes;
    var r = new Reader(decodeBase64(speakers.codes)), out = [];
    while (r.more()) out.push(r.varint());
    speakerCodes = out;
    return out;
  }

  // ---- Search --------------------------------------------------------------------------------

  function idf(n, nq) { return Math.max(1e-6, Math.log((n - nq + 0.5) / (nq + 0.5) + 1)); }
  function lengthOf(code) { return Math.pow(2, code / 20); }

  // The elements found for `params` ({q, kind, since, until, meeting, speaker, exact}),
  // ranked: { total, ids, query }.
  function search(params) {
    return start().then(function () {
      var text = (params.q || "").trim();
      var filtered = !!(params.kind || params.since || params.until || params.meeting || (params.speaker && foldSpeaker(params.speaker)));
      if (params.since && params.until && dayOf(params.since) > dayOf(params.until)) return { total: 0, ids: [], query: null };
      if (!text) {
        if (!filtered) throw new QueryError("emptyQuery");
        return filteredOnly(params);
      }
      var query = parse(text, params.exact);
      return Promise.all(query.phrases.map(function (p) { return evaluate(p.phrase); })).then(function (results) {
        return filterTest(params).then(function (passes) { return rank(query, results, passes); });
      });
    });
  }

  function rank(query, results, passes) {
    var phraseCount = query.phrases.length;
    // Every element holding a phrase: its term frequencies.
    var found = new Map();
    results.forEach(function (r, p) {
      for (var i = 0; i < r.ids.length; i++) {
        var id = r.ids[i], entry = found.get(id);
        if (!entry) { entry = new Float64Array(phraseCount); found.set(id, entry); }
        entry[p] = r.tf[i];
      }
    });
    var tiered = query.phrases.some(function (p) { return !p.typed; });
    var n = meta.rows, average = Math.max(1, meta.averageLength);
    var weights = results.map(function (r) { return idf(n, r.ids.length); });
    var hits = [];
    found.forEach(function (tf, id) {
      for (var g of query.groups) if (!g.some(function (p) { return tf[p] > 0; })) return;
      for (var p of query.negatives) if (tf[p] > 0) return;
      if (!passes(id)) return;
      var d = documentOf(id), length = lengths[docs.offset[d] + id - docs.first[d]];
      var norm = 1.2 * (1 - 0.75 + 0.75 * lengthOf(length) / average), score = 0, typedGroups = new Set();
      for (var k = 0; k < phraseCount; k++) {
        var f = tf[k];
        if (f > 0) {
          score += weights[k] * f * 2.2 / (f + norm);
          if (tiered && query.phrases[k].typed && query.phrases[k].group >= 0) typedGroups.add(query.phrases[k].group);
        }
      }
      hits.push({ id: id, score: score, tier: typedGroups.size });
    });
    hits.sort(function (a, b) { return b.tier - a.tier || b.score - a.score || a.id - b.id; });
    return { total: hits.length, ids: hits.map(function (h) { return h.id; }), query: query };
  }

  function filteredOnly(params) {
    return filterTest(params).then(function (passes) {
      var order = [];
      for (var d = 0; d < docs.id.length; d++) order.push(d);
      order.sort(function (a, b) { return docs.rank[a] - docs.rank[b]; });
      var ids = [];
      for (var d of order) {
        for (var k = 0; k < docs.count[d]; k++) {
          var id = docs.first[d] + k;
          if (passes(id)) ids.push(id);
        }
      }
      return { total: ids.length, ids: ids, query: null };
    });
  }

  var started = null;
  function start() {
    if (started) return started;
    started = load("meta").then(function (m) {
      meta = m;
      for (var pair of m.fold) FOLD.set(pair[0], pair[1]);
      m.variants.forEach(function (forms, g) {
        var keys = forms.map(function (f) { return Array.from(f).map(function (c) { return c.codePointAt(0); }); });
        groupForms.push(keys);
        for (var key of keys) {
          if (!key.length) continue;
          if (!byFirst.has(key[0])) byFirst.set(key[0], []);
          byFirst.get(key[0]).push({ key: key, group: g });
        }
      });
      byFirst.forEach(function (list) { list.sort(function (a, b) { return b.key.length - a.key.length; }); });
      return Promise.all([loadDocuments(), load("lengths")]);
    }).then(function (loaded) { lengths = decodeBase64(loaded[1]); });
    return started;
  }

  // `path:line` and kind of each id, for comparing with `gijiroku search` (tests).
  function locations(ids) {
    return start().then(function () {
      return Promise.all(ids.map(elementRecord)).then(function (records) {
        return records.map(function (r) { return r ? r.doc.path + ":" + r.start + " " + r.kind : null; });
      });
    });
  }

  // ---- The page --------------------------------------------------------------------------------

  function say(key, values) {
    return fill(meta && meta.text[key] || key, values);
  }
  // `{name}` is the value; `{name|one|other}` is `one` when the value is 1, else `other`.
  function fill(template, values) {
    for (var name in values || {}) {
      var value = String(values[name]);
      template = template.split("{" + name + "}").join(value)
        .replace(new RegExp("\\{" + name + "\\|([^|}]*)\\|([^}]*)\\}", "g"), function (_, one, other) { return value === "1" ? one : other; });
    }
    return template;
  }
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // Which of a word's spellings `text` holds: the typed one when it is there, else the
  // first variant found, else null (WordVariants.Expansion.spelling(in:)).
  function spellingIn(text, alternatives) {
    var haystack = codePoints(variantKey(text));
    for (var spelling of alternatives) {
      var needle = codePoints(variantKey(spelling));
      if (needle && haystack.indexOf(needle) >= 0) return spelling;
    }
    return null;
  }

  // Ranges of `text` that the query's positive phrases match, merged.
  function highlights(text, query) {
    if (!query) return [];
    var tokens = positionedTokens(text), byPosition = new Map(), ranges = [];
    for (var t of tokens) { if (!byPosition.has(t.position)) byPosition.set(t.position, []); byPosition.get(t.position).push(t); }
    for (var p of query.phrases) {
      if (p.group < 0) continue;
      var ph = p.phrase, n = ph.tokens.length;
      for (var t of tokens) {
        var matchesFirst = n === 1 && ph.prefix ? t.text.startsWith(ph.tokens[0]) : t.text === ph.tokens[0];
        if (!matchesFirst) continue;
        var end = t.end, ok = true;
        for (var k = 1; k < n && ok; k++) {
          var here = byPosition.get(t.position + k) || [], want = ph.tokens[k], last = k === n - 1 && ph.prefix;
          var hit = here.find(function (x) { return last ? x.text.startsWith(want) : x.text === want; });
          ok = !!hit;
          if (hit) end = hit.end;
        }
        if (ok) ranges.push([t.start, end]);
      }
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    for (var r of ranges) {
      if (merged.length && r[0] <= merged[merged.length - 1][1]) merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], r[1]);
      else merged.push(r.slice());
    }
    return merged;
  }

  // The text (about 120 characters around the first match) with matches marked.
  function snippet(text, query) {
    var ranges = highlights(text, query), from = 0, to = text.length;
    if (text.length > 120) {
      var first = ranges.length ? ranges[0][0] : 0;
      from = Math.max(0, first - 40);
      to = Math.min(text.length, from + 120);
    }
    var p = element("p", "snippet");
    if (from > 0) p.appendChild(document.createTextNode("…"));
    var at = from;
    for (var r of ranges) {
      if (r[1] <= from || r[0] >= to) continue;
      var s = Math.max(r[0], from), e = Math.min(r[1], to);
      if (s > at) p.appendChild(document.createTextNode(text.slice(at, s)));
      p.appendChild(element("mark", null, text.slice(s, e)));
      at = e;
    }
    if (at < to) p.appendChild(document.createTextNode(text.slice(at, to)));
    if (to < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function renderHit(record, query) {
    var doc = record.doc, li = element("li", "hit k-" + record.kind);
    var meta_ = element("p", "meta");
    meta_.appendChild(element("span", "kind", meta.kindLabels[meta.kinds.indexOf(record.kind)]));
    var link = element("a", null, doc.title);
    link.href = root + doc.page + "#e" + record.id;
    meta_.appendChild(link);
    meta_.appendChild(element("span", "date", doc.date || say("noDate")));
    if (record.speaker) meta_.appendChild(element("span", "speaker", record.speaker));
    if (record.agenda) meta_.appendChild(element("span", "agenda", say("agenda", { number: record.agenda, title: doc.agenda[record.agenda] || "" })));
    li.appendChild(meta_);
    li.appendChild(snippet(record.text, query));
    // A hit on a variant spelling says which (`子供` found as `子ども`), as `gijiroku search` does.
    for (var alternatives of query ? query.expansions : []) {
      var found = spellingIn(record.text, alternatives);
      if (found !== null && found !== alternatives[0]) li.appendChild(element("p", "variant", say("variant", { typed: alternatives[0], matched: found })));
    }
    var elements = doc.elements;
    if (record.kind === "question") {
      var answers = [];
      for (var i = record.index + 1; i < elements.length && meta.kinds[elements[i][0]] === "answer" && elements[i][7] === i - record.index; i++) answers.push(elements[i]);
      if (answers.length) {
        var box = element("div", "answers");
        box.appendChild(element("span", "visually-hidden", say("answers")));
        for (var a of answers) box.appendChild(element("p", null, (a[3] ? a[3] + " " : a[1] || "") + a[2]));
        li.appendChild(box);
      }
    } else if (record.kind === "answer" && record.back > 0 && record.index - record.back >= 0) {
      var q = elements[record.index - record.back], qbox = element("div", "answers");
      qbox.appendChild(element("span", "visually-hidden", say("question")));
      qbox.appendChild(element("p", null, (q[3] ? q[3] + " " : q[1] || "") + q[2]));
      li.appendChild(qbox);
    }
    li.appendChild(element("p", "source", doc.path + ":" + record.start));
    return li;
  }

  function renderChart(ids) {
    var figure = document.getElementById("chart");
    while (figure.childNodes.length > 1) figure.removeChild(figure.lastChild);
    var years = new Map();
    for (var id of ids) {
      var day = docs.day[documentOf(id)];
      if (!day) continue;
      var year = Math.floor(day / 10000);
      years.set(year, (years.get(year) || 0) + 1);
    }
    if (!years.size) { figure.hidden = true; return; }
    var list = Array.from(years.keys()).sort(), first = list[0], last = list[list.length - 1], max = 0;
    years.forEach(function (c) { max = Math.max(max, c); });
    var span = last - first + 1, width = Math.max(span * 24, 240), height = 100;
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (height + 14));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "chart-table-caption");
    for (var y = first; y <= last; y++) {
      var count = years.get(y) || 0, barWidth = width / span, h = max ? Math.round(count / max * (height - 12)) : 0;
      var rect = document.createElementNS(svg.namespaceURI, "rect");
      rect.setAttribute("x", String((y - first) * barWidth + 2));
      rect.setAttribute("y", String(height - h));
      rect.setAttribute("width", String(Math.max(1, barWidth - 4)));
      rect.setAttribute("height", String(h));
      var title = document.createElementNS(svg.namespaceURI, "title");
      title.textContent = say("year", { year: y, count: count });
      rect.appendChild(title);
      svg.appendChild(rect);
      if (span <= 20 || (y - first) % Math.ceil(span / 20) === 0) {
        var label = document.createElementNS(svg.namespaceURI, "text");
        label.setAttribute("x", String((y - first) * barWidth + barWidth / 2));
        label.setAttribute("y", String(height + 12));
        label.setAttribute("text-anchor", "middle");
        label.textContent = String(y);
        svg.appendChild(label);
      }
    }
    figure.appendChild(svg);
    var table = element("table", "visually-hidden");
    var caption = element("caption", null, say("chart"));
    caption.id = "chart-table-caption";
    table.appendChild(caption);
    list.forEach(function (y) {
      var row = element("tr");
      row.appendChild(element("th", null, String(y)));
      row.appendChild(element("td", null, String(years.get(y))));
      table.appendChild(row);
    });
    figure.appendChild(table);
    figure.hidden = false;
  }

  var pageSize = 20;
  function showPage(result, from) {
    var list = document.getElementById("results"), more = document.getElementById("more");
    var ids = result.ids.slice(from, from + pageSize);
    return Promise.all(ids.map(elementRecord)).then(function (records) {
      records.forEach(function (r) { if (r) list.appendChild(renderHit(r, result.query)); });
      var shown = from + ids.length;
      more.hidden = shown >= result.ids.length;
      more.onclick = function () { more.hidden = true; showPage(result, shown).then(function () {
        var next = list.children[shown]; if (next) { var a = next.querySelector("a"); if (a) a.focus(); } }); };
    });
  }

  function readParams() {
    var url = new URLSearchParams(location.search), params = {};
    for (var name of ["q", "kind", "since", "until", "meeting", "speaker", "exact"]) params[name] = url.get(name) || "";
    return params;
  }

  function run() {
    var status = document.getElementById("status");
    if (!status) return;
    var params = readParams();
    for (var name of ["q", "kind", "since", "until", "meeting", "speaker"]) {
      var input = document.getElementById(name);
      if (input) input.value = params[name];
    }
    if (!params.q && !params.kind && !params.since && !params.until && !params.meeting && !params.speaker) {
      document.getElementById("q").focus();
      return;
    }
    status.textContent = say("loading");
    var began = performance.now();
    search(params).then(function (result) {
      status.className = "status";
      status.textContent = result.total ? say("results", { count: result.total.toLocaleString("ja-JP") }) : say("none");
      status.setAttribute("data-total", String(result.total));
      renderChart(result.ids);
      return showPage(result, 0).then(function () {
        document.body.setAttribute("data-search-ms", String(Math.round(performance.now() - began)));
        document.body.setAttribute("data-searched", "1");
      });
    }).catch(function (error) {
      status.className = "status error";
      status.textContent = error instanceof QueryError ? say(error.code, error.values) : String(error.message || error);
      document.body.setAttribute("data-searched", "1");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    root = document.body.getAttribute("data-root") || "";
    start().then(run).catch(function (error) {
      var status = document.getElementById("status");
      if (status) { status.className = "status error"; status.textContent = String(error.message || error); }
    });
  });

  // The data files received so far (`data/KEY.js`), for measuring what a search loads.
  function loaded() { return received.slice(); }

  return { receive: receive, ready: start, loaded: loaded, search: search, locations: locations, tokenize: tokenize, parse: parse, expansion: expansion };
})();
