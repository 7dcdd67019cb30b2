/* Danish search: a thin wrapper around Material's own search worker.

   The build (the sitekit plugin) writes this file, with the synonym
   data from docs/_data/synonymer.yml and the glossary in front of it, to
   assets/javascripts/workers/search-da.<hash>.js. The page starts it in
   place of Material's worker and puts Material's worker URL after "#".

   Material turns each word into a prefix query ("word*"), and lunr skips the
   Danish stemmer for such a word, so "radikaliseringen" never finds
   "radikalisering". The index is stemmed (mkdocs.yml: plugins.search.pipeline),
   and before Material sees a query, each word here becomes:
   - its Danish stem ("radikaliseringen" -> "radikaliser*"), also for ae/oe/aa
     typed for æ/ø/å ("boern" -> "børn*");
   - plus the words of its synonyms and abbreviations ("PET" -> "Politiets
     Efterretningstjeneste"), from the data file editors keep;
   - plus, for a compound, its parts ("bekymringssamtalen" -> "bekymring*",
     "samtal*") when the site does not use the compound, and the site's
     compounds that end in the word ("samtale" -> "bekymringssamtaler").
   Question words and other common words are dropped while a query has other
   words, so they cannot outrank the topic. Material's results are then scored
   per word the reader typed, not per expanded term, and for the same match
   the guidance ranks above the training, and the training above the pages
   for editors and about the site (SECTIONS).

   Runs in a worker, or in the offline copy inside the iframe stand-in
   (iframe-worker.js), where importScripts() returns a promise.
Checked against Material for MkDocs 9.8.2. */
(function (self) {
  "use strict";

  // Material's message types (integrations/search/worker/message).
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  // Clause weights: the word itself, a synonym, a part of a compound.
  var BOOST_WORD = 6, BOOST_SYNONYM = 3, BOOST_PART = 1;
  // At most this many compounds that end in a word are added.
  var MAX_COMPOUNDS = 12;
  // A result's weight by where it is: staff in a hurry need the guidance
  // first. Checked in order; any other page (editors, about) weighs 1.
  var SECTIONS = [["vejledning/", 2], ["en/vejledning/", 2], ["kompetenceforloeb/", 1.05]];

  var DATA = self.SITEKIT_SEARCH || { groups: [], common: [] };
  var script = self.document && self.document.currentScript;
  var here = (script && script.src) || self.location.href;
  var material = decodeURIComponent(here.slice(here.indexOf("#") + 1));

  var nativeAdd = self.addEventListener;
  var nativePost = self.postMessage;
  var materialHandler = null;
  var waiting = [];            // messages that arrived before Material's handler
  var held = [];               // queries that arrived before the index was ready
  var asked = [];              // the word groups of each query Material still answers
  var ready = false;
  var vocabulary = [];         // the index's terms, sorted
  var lunr = null;
  var synonyms = {};           // stemmed phrase -> list of stemmed phrases
  var common = {};             // stemmed common words

  function deliver(message) {
    if (materialHandler) materialHandler.call(self, { data: message });
    else waiting.push(message);
  }

  // Material's worker registers its message handler once; keep it, and hand
  // it each message after the Danish rewrite.
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && !materialHandler) {
      materialHandler = listener;
      patchLunr();
      Promise.resolve().then(function () {
        waiting.splice(0).forEach(deliver);
      });
      return undefined;
    }
    return nativeAdd.call(self, type, listener, options);
  };

  self.postMessage = function (message) {
    if (message && message.type === READY) {
      setup();
      ready = true;
      nativePost.call(self, message);
      held.splice(0).forEach(query);
      return;
    }
    if (message && message.type === RESULT) message = rescore(message, asked.shift());
    nativePost.call(self, message);
  };

  nativeAdd.call(self, "message", function (event) {
    var message = event.data;
    if (message && message.type === QUERY) {
      if (ready) query(message);
      else held.push(message);
      return;
    }
    deliver(message);
  });

  function query(message) {
    var rewritten = rewrite(String(message.data || ""));
    asked.push(rewritten.groups);
    deliver({ type: QUERY, data: rewritten.text });
  }

  // Keep the finished index's vocabulary, for compounds and for checking
  // which spelling of a word the site uses.
  function patchLunr() {
    lunr = self.lunr;
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments);
      vocabulary = Object.keys(index.invertedIndex).sort();
      return index;
    };
  }

  // --- Danish words ------------------------------------------------------------

  function fold(word) {
    return word.replace(/ae/g, "æ").replace(/oe/g, "ø").replace(/aa/g, "å");
  }

  function words(text) {
    return text.toLowerCase().split(/[^0-9a-zæøåéèöüä§]+/).filter(Boolean);
  }

  function stem(word) {
    if (!lunr || !lunr.da || word.length < 3) return word;
    return lunr.da.stemmer(new lunr.Token(word)).toString();
  }

  function isStopWord(word) {
    return !!(lunr && lunr.da && !lunr.da.stopWordFilter(new lunr.Token(word)));
  }

  // The first vocabulary position at or after a prefix (binary search).
  function lowerBound(prefix) {
    var lo = 0, hi = vocabulary.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (vocabulary[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function known(prefix) {
    var i = lowerBound(prefix);
    return i < vocabulary.length && vocabulary[i].indexOf(prefix) === 0;
  }

  // The site's compounds that end in a stem ("samtal" -> "bekymringssamtal").
  function compoundsEndingIn(s) {
    var found = [];
    if (s.length < 5) return found;
    for (var i = 0; i < vocabulary.length && found.length < MAX_COMPOUNDS; i++) {
      var term = vocabulary[i];
      var at = term.indexOf(s);
      if (at >= 3 && term.length - at - s.length <= 3) found.push(term);
    }
    return found;
  }

  // Parts of a compound the site does not use: the split whose shorter part
  // is longest, both parts known to the index. A linking "s" or "e" may join
  // them ("bekymrings|samtalen").
  function parts(s) {
    var best = null, score = 0;
    for (var i = 3; i <= s.length - 3; i++) {
      var head = s.slice(0, i), tail = s.slice(i);
      var heads = [head];
      if (/[se]$/.test(head) && head.length > 3) heads.push(head.slice(0, -1));
      for (var h = 0; h < heads.length; h++) {
        var candidate = [stem(heads[h]), stem(tail)];
        if (candidate[0].length < 3 || candidate[1].length < 3) continue;
        if (!known(candidate[0]) || !known(candidate[1])) continue;
        var shorter = Math.min(heads[h].length, tail.length);
        if (shorter > score) { best = candidate; score = shorter; }
      }
    }
    return best || [];
  }

  function phraseKey(text) {
    return words(text).filter(function (w) { return !isStopWord(w); }).map(stem).join(" ");
  }

  // Synonym groups and common words, stemmed once the Danish stemmer is loaded.
  function setup() {
    synonyms = {};
    (DATA.groups || []).forEach(function (group) {
      var keys = group.map(phraseKey).filter(Boolean);
      keys.forEach(function (key) {
        synonyms[key] = (synonyms[key] || []).concat(keys.filter(function (k) { return k !== key; }));
      });
    });
    common = {};
    (DATA.common || []).forEach(function (w) { common[stem(w.toLowerCase())] = true; });
  }

  // The spelling the site uses: the word as typed, or with æ/ø/å for ae/oe/aa.
  function spellings(word) {
    var out = [stem(word)];
    var folded = fold(word);
    if (folded !== word) {
      var s = stem(folded);
      // Both when both or neither are known (then both are tried as compounds).
      if (!known(s) && known(out[0])) return out;
      out = known(s) && !known(out[0]) ? [s] : out.concat([s]);
    }
    return out;
  }

  // One group per word the reader typed (or per phrase that is a synonym):
  // the terms that count as a match for it.
  function rewrite(text) {
    // Query syntax from Material's docs (+word, -word, "…", field:) is kept as typed.
    if (/(^|\s)[+\-]\S|["~^:*]/.test(text)) return { text: text, groups: null };
    var typed = words(text);
    var list = typed.map(function (w) {
      var s = stem(fold(w));
      return { word: w, weak: isStopWord(w) || isStopWord(fold(w)) || !!common[s] || !!common[stem(w)] };
    });
    if (list.some(function (g) { return !g.weak; })) list = list.filter(function (g) { return !g.weak; });

    var groups = [];
    for (var i = 0; i < list.length; i++) {
      // The longest phrase from here that is a synonym key (three words at most).
      var taken = 1, synonymKeys = [];
      for (var n = Math.min(3, list.length - i); n >= 1; n--) {
        var key = list.slice(i, i + n).map(function (g) { return stem(fold(g.word)); }).join(" ");
        var plain = list.slice(i, i + n).map(function (g) { return stem(g.word); }).join(" ");
        var hit = synonyms[key] || synonyms[plain];
        if (hit) { taken = n; synonymKeys = hit; break; }
      }
      var terms = [];
      var label = list.slice(i, i + taken).map(function (g) { return g.word; }).join(" ");
      // A phrase the editors taught ("hvor kommer oplysningerne fra" -> "kilde") means its
      // synonym: then the synonym weighs as the word, and the phrase's own words less.
      var own = taken > 1 ? BOOST_SYNONYM : BOOST_WORD, taught = taken > 1 ? BOOST_WORD : BOOST_SYNONYM;
      list.slice(i, i + taken).forEach(function (g) {
        spellings(g.word).forEach(function (s) {
          terms.push({ term: s, boost: own });
          if (taken === 1) {
            if (!known(s)) parts(s).forEach(function (p) { terms.push({ term: p, boost: BOOST_PART }); });
            compoundsEndingIn(s).forEach(function (c) { terms.push({ term: c, boost: BOOST_PART }); });
          }
        });
      });
      synonymKeys.forEach(function (key) {
        key.split(" ").forEach(function (s) { terms.push({ term: s, boost: taught }); });
      });
      groups.push({ label: label, terms: unique(terms) });
      i += taken - 1;
    }
    var clauses = [];
    groups.forEach(function (g) {
      g.terms.forEach(function (t) { clauses.push(t.term + "*^" + t.boost); });
    });
    return { text: clauses.join(" "), groups: groups };
  }

  function unique(terms) {
    var seen = {}, out = [];
    terms.forEach(function (t) {
      if (!t.term || t.term.length < 2) return;
      if (seen[t.term] !== undefined) {
        out[seen[t.term]].boost = Math.max(out[seen[t.term]].boost, t.boost);
        return;
      }
      seen[t.term] = out.length;
      out.push(t);
    });
    return out;
  }

  // --- Results -----------------------------------------------------------------

  // Material weighs a result by the share of query terms it matched; with
  // expanded terms that share must be counted per word the reader typed.
  // Each item's score is recomputed the way Material computes it, then the
  // results are sorted again.
  function rescore(message, groups) {
    if (!groups || !message.data || !message.data.items) return message;
    var items = message.data.items.map(function (group) {
      group.forEach(function (item) {
        var terms = item.terms || {};
        var keys = Object.keys(terms);
        if (!keys.length) return;
        var hits = keys.filter(function (k) { return terms[k]; }).length;
        var page = item.location.indexOf("#") < 0 ? 1 : 0;
        var before = page + hits / keys.length;
        var mine = {}, found = 0;
        groups.forEach(function (g) {
          var hit = g.terms.some(function (t) { return terms[t.term]; });
          mine[g.label] = hit;
          if (hit) found++;
        });
        var after = page + (groups.length ? found / groups.length : 0);
        item.score = item.score / (1 + before * before) * (1 + after * after) * weight(item.location);
        item.terms = mine;
      });
      return group;
    });
    items.sort(function (a, b) { return best(b) - best(a); });
    message.data.items = items;
    return message;
  }

  function weight(location) {
    for (var i = 0; i < SECTIONS.length; i++) {
      if (location.indexOf(SECTIONS[i][0]) === 0) return SECTIONS[i][1];
    }
    return 1;
  }

  function best(group) {
    return group.reduce(function (max, item) { return Math.max(max, item.score || 0); }, 0);
  }

  self.importScripts(material);
})(self);
