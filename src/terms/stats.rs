//! Keyword statistics over a selection: pure functions of the corpus and the
//! selection, run by the app on every filter change and by the CLI.
//!
//! Owns frequencies, trends, keyness, co-occurrence and the concordance; does not
//! own segmentation or the stopword lists (that is `segment`, at build time: this
//! module only reads `Corpus::vocab`, `Sentence::tokens` and the flags).
//!
//! Everything here runs in wasm on each filter change, so counters are vectors
//! indexed by token id, never maps of strings, and there is no jieba and no I/O.

use crate::model::{Corpus, Sentence};
use crate::order::sort_by;
use crate::query::{Selection, SentenceRef};
use std::cmp::Ordering;

/// Term counts per document and for the whole corpus: a filter selects whole
/// documents unless it searches text, so frequencies, trends and keyness add up a
/// few hundred per-document vectors instead of walking every token of every
/// selected sentence (at 500 documents, millions). Built once from the tokens
/// ([`Corpus::term_index`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermIndex {
    /// Per document, in corpus order.
    pub docs: Vec<DocTerms>,
    /// Per vocabulary entry: occurrences in the whole corpus.
    pub total: Vec<u32>,
    pub total_tokens: u64,
    pub total_chars: u64,
}

/// One document's term counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocTerms {
    /// (vocabulary id, occurrences), ascending by id.
    pub counts: Vec<(u32, u32)>,
    pub tokens: u32,
    /// Characters of its sentences' `norm`.
    pub chars: u32,
}

impl DocTerms {
    fn count(&self, term: u32) -> u32 {
        self.counts
            .binary_search_by_key(&term, |&(t, _)| t)
            .map_or(0, |i| self.counts[i].1)
    }
}

impl TermIndex {
    pub fn build(corpus: &Corpus) -> TermIndex {
        let mut index = TermIndex {
            total: vec![0; corpus.vocab.len()],
            ..TermIndex::default()
        };
        // One scratch counter reused across documents; `seen` lists what to read
        // back and reset.
        let mut count = vec![0u32; corpus.vocab.len()];
        let mut seen: Vec<u32> = Vec::new();
        for d in &corpus.docs {
            let mut doc = DocTerms::default();
            for s in &d.sentences {
                doc.tokens += s.tokens.len() as u32;
                doc.chars += char_len(s) as u32;
                for &t in &s.tokens {
                    let c = &mut count[t as usize];
                    if *c == 0 {
                        seen.push(t);
                    }
                    *c += 1;
                }
            }
            crate::order::sort_ids(&mut seen, &mut |a, b| a.cmp(&b));
            doc.counts = seen
                .drain(..)
                .map(|t| {
                    let c = std::mem::take(&mut count[t as usize]);
                    index.total[t as usize] += c;
                    (t, c)
                })
                .collect();
            index.total_tokens += doc.tokens as u64;
            index.total_chars += doc.chars as u64;
            index.docs.push(doc);
        }
        index
    }
}

/// The selection split by document, each part either a whole document (`None`:
/// use its [`DocTerms`]) or some of its sentences (walk them).
fn by_doc<'a>(
    corpus: &'a Corpus,
    sel: &'a Selection,
) -> impl Iterator<Item = (u32, Option<&'a [SentenceRef]>)> + 'a {
    sel.sentences
        .chunk_by(|a, b| a.doc == b.doc)
        .map(move |part| {
            let doc = part[0].doc;
            let whole = part.len() == corpus.docs[doc as usize].sentences.len();
            (doc, (!whole).then_some(part))
        })
}

/// Which tokens count as keywords.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermOptions {
    /// Hide policy boilerplate (推进, 加快 …) as well as the default stopwords.
    pub hide_boilerplate: bool,
    /// The reader's own stopwords, in either script (folded before matching).
    pub extra_stop: Vec<String>,
}

impl TermOptions {
    /// Per vocabulary entry: true when the token is not a keyword under these
    /// options.
    pub fn hidden(&self, corpus: &Corpus) -> Vec<bool> {
        let mut hidden: Vec<bool> = (0..corpus.vocab.len())
            .map(|i| {
                corpus.stop.get(i).copied().unwrap_or(false)
                    || (self.hide_boilerplate
                        && corpus.boilerplate.get(i).copied().unwrap_or(false))
            })
            .collect();
        for w in &self.extra_stop {
            if let Some(id) = term_id(corpus, w) {
                hidden[id as usize] = true;
            }
        }
        hidden
    }
}

/// A term's frequency in a selection.
#[derive(Clone, Debug, PartialEq)]
pub struct TermStat {
    /// Index into [`Corpus::vocab`].
    pub term: u32,
    pub count: u32,
    /// Occurrences per 10,000 characters of the selected sentences.
    pub per_10k: f64,
    /// Documents it occurs in.
    pub docs: u32,
}

/// A term's frequency in one selected document.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// Index into [`Corpus::docs`].
    pub doc: u32,
    /// [`crate::model::Doc::year`].
    pub year: Option<i32>,
    pub count: u32,
    /// Characters of that document's selected sentences.
    pub chars: u32,
    /// Occurrences per 10,000 characters of that document's selected sentences.
    pub per_10k: f64,
}

/// A term's frequency in the selected documents of one year, taken together.
#[derive(Clone, Debug, PartialEq)]
pub struct YearPoint {
    pub year: i32,
    pub count: u32,
    pub chars: u32,
    /// Occurrences per 10,000 characters of the year's selected sentences.
    pub per_10k: f64,
    /// The documents of that year, in corpus order.
    pub docs: Vec<u32>,
}

/// Sums a trend per year, so that two districts' reports of one year make one
/// point (normalized by their joint length) instead of a zigzag between them.
/// Documents without a year are left out; years ascend.
pub fn trend_by_year(points: &[TrendPoint]) -> Vec<YearPoint> {
    let mut years: Vec<YearPoint> = Vec::new();
    for p in points {
        let Some(year) = p.year else { continue };
        let i = match years.binary_search_by_key(&year, |y| y.year) {
            Ok(i) => i,
            Err(i) => {
                years.insert(
                    i,
                    YearPoint {
                        year,
                        count: 0,
                        chars: 0,
                        per_10k: 0.0,
                        docs: Vec::new(),
                    },
                );
                i
            }
        };
        let y = &mut years[i];
        y.count += p.count;
        y.chars += p.chars;
        y.docs.push(p.doc);
    }
    for y in &mut years {
        y.per_10k = rate(y.count, y.chars as usize);
    }
    years
}

/// A term over-represented in the selection compared with the rest of the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyness {
    /// Index into [`Corpus::vocab`].
    pub term: u32,
    pub count_sel: u32,
    pub count_rest: u32,
    /// Dunning's log-likelihood (G²); above 3.84 is p < 0.05, above 10.83 p < 0.001.
    pub log_likelihood: f64,
    /// Occurrences per 10,000 characters, in the selection and in the rest.
    pub per_10k_sel: f64,
    pub per_10k_rest: f64,
}

/// One concordance line: a hit with its context inside its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    /// Index into [`Corpus::docs`].
    pub doc: u32,
    /// Index into that document's sentences.
    pub sentence: u32,
    /// The id of the sentence's innermost section, for the link and the label.
    pub section: Option<String>,
    /// Up to `width` characters of `norm` before the hit.
    pub left: String,
    /// The hit as it stands in `norm`.
    pub hit: String,
    /// Up to `width` characters of `norm` after the hit.
    pub right: String,
    /// Character offset of the hit in the sentence's `norm`.
    pub start: u32,
}

/// How to order concordance lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum KwicSort {
    /// By the left context read backwards from the hit.
    Left,
    /// By the right context read forwards from the hit.
    Right,
    /// In corpus order.
    #[default]
    Document,
}

/// The vocabulary id of a term typed by a reader, in either script.
pub fn term_id(corpus: &Corpus, term: &str) -> Option<u32> {
    let folded = corpus.fold_query(term);
    if folded.is_empty() {
        return None;
    }
    corpus
        .vocab
        .iter()
        .position(|v| *v == folded)
        .map(|i| i as u32)
}

fn sentence<'a>(corpus: &'a Corpus, r: &SentenceRef) -> &'a Sentence {
    &corpus.docs[r.doc as usize].sentences[r.sentence as usize]
}

fn char_len(s: &Sentence) -> usize {
    s.norm.chars().count()
}

fn rate(count: u32, chars: usize) -> f64 {
    if chars == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / chars as f64
    }
}

/// The ids of the `n` highest non-zero counters, highest first, ties by id.
/// One sort of the non-zero ids (the crate's shared sort: a partition first would
/// compile another copy of the standard library's selection into the wasm, for
/// no gain a reader notices with a few thousand terms).
fn top_n(counts: &[u32], n: usize) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..counts.len() as u32)
        .filter(|&t| counts[t as usize] > 0)
        .collect();
    crate::order::sort_ids(&mut ids, &mut |a, b| {
        counts[b as usize].cmp(&counts[a as usize])
    });
    ids.truncate(n);
    ids
}

/// The `n` most frequent keywords of the selection, most frequent first; ties in
/// vocabulary order.
pub fn top_terms(corpus: &Corpus, sel: &Selection, opts: &TermOptions, n: usize) -> Vec<TermStat> {
    let hidden = opts.hidden(corpus);
    let index = corpus.term_index();
    let mut count = vec![0u32; corpus.vocab.len()];
    let mut docs = vec![0u32; corpus.vocab.len()];
    // The last document (plus one) each term was seen in, so each document counts
    // once without a set per term.
    let mut last_doc = vec![0u32; corpus.vocab.len()];
    let mut chars = 0usize;
    let mut add = |doc: u32, t: u32, c: u32| {
        let t = t as usize;
        if hidden[t] {
            return;
        }
        count[t] += c;
        if last_doc[t] != doc + 1 {
            last_doc[t] = doc + 1;
            docs[t] += 1;
        }
    };
    for (doc, part) in by_doc(corpus, sel) {
        match part {
            None => {
                let d = &index.docs[doc as usize];
                chars += d.chars as usize;
                d.counts.iter().for_each(|&(t, c)| add(doc, t, c));
            }
            Some(refs) => {
                for r in refs {
                    let s = sentence(corpus, r);
                    chars += char_len(s);
                    s.tokens.iter().for_each(|&t| add(doc, t, 1));
                }
            }
        }
    }
    top_n(&count, n)
        .into_iter()
        .map(|t| TermStat {
            term: t,
            count: count[t as usize],
            per_10k: rate(count[t as usize], chars),
            docs: docs[t as usize],
        })
        .collect()
}

/// What a reader's term matches in a sentence: a vocabulary token when the folded
/// term is one, else the folded text as a substring of `norm` (so a phrase jieba
/// split still has a trend and neighbours).
enum Needle {
    Token(u32),
    Text(String),
}

impl Needle {
    fn new(corpus: &Corpus, term: &str) -> Option<Needle> {
        let folded = corpus.fold_query(term);
        if folded.is_empty() {
            return None;
        }
        Some(match term_id(corpus, &folded) {
            Some(id) => Needle::Token(id),
            None => Needle::Text(folded),
        })
    }

    fn count(&self, s: &Sentence) -> u32 {
        match self {
            Needle::Token(id) => s.tokens.iter().filter(|&&t| t == *id).count() as u32,
            Needle::Text(text) => s.norm.matches(text.as_str()).count() as u32,
        }
    }
}

/// A term's occurrences in each selected document, in corpus order, normalized by
/// the length of that document's selected sentences. The term is matched as a
/// token when it is one (in either script), else as text; an empty term gives
/// zero counts for every selected document.
pub fn trend(corpus: &Corpus, sel: &Selection, term: &str) -> Vec<TrendPoint> {
    let needle = Needle::new(corpus, term);
    let index = corpus.term_index();
    by_doc(corpus, sel)
        .map(|(doc, part)| {
            let d = &index.docs[doc as usize];
            let (count, chars) = match (part, &needle) {
                (None, Some(Needle::Token(id))) => (d.count(*id), d.chars as usize),
                (None, None) => (0, d.chars as usize),
                (None, Some(n)) => {
                    let all = &corpus.docs[doc as usize].sentences;
                    (all.iter().map(|s| n.count(s)).sum(), d.chars as usize)
                }
                (Some(refs), n) => refs.iter().fold((0, 0), |(count, chars), r| {
                    let s = sentence(corpus, r);
                    (
                        count + n.as_ref().map_or(0, |n| n.count(s)),
                        chars + char_len(s),
                    )
                }),
            };
            TrendPoint {
                doc,
                year: corpus.docs[doc as usize].year(),
                count,
                chars: chars as u32,
                per_10k: rate(count, chars),
            }
        })
        .collect()
}

/// Dunning's log-likelihood for a term seen `a` times in `c` tokens and `b` times
/// in `d` tokens.
fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (term(a, e1) + term(b, e2))
}

/// The `n` keywords most over-represented in the selection compared with the
/// rest of the corpus, by Dunning's log-likelihood, highest first. Sizes are
/// token counts (stopwords included, punctuation excluded). Empty when the
/// selection is the whole corpus or nothing.
pub fn keyness(corpus: &Corpus, sel: &Selection, opts: &TermOptions, n: usize) -> Vec<Keyness> {
    let hidden = opts.hidden(corpus);
    let index = corpus.term_index();
    let total = &index.total;
    let (total_tokens, total_chars) = (index.total_tokens, index.total_chars as usize);
    let mut in_sel = vec![0u32; corpus.vocab.len()];
    let (mut sel_tokens, mut sel_chars) = (0u64, 0usize);
    for (doc, part) in by_doc(corpus, sel) {
        match part {
            None => {
                let d = &index.docs[doc as usize];
                sel_tokens += d.tokens as u64;
                sel_chars += d.chars as usize;
                d.counts.iter().for_each(|&(t, c)| in_sel[t as usize] += c);
            }
            Some(refs) => {
                for r in refs {
                    let s = sentence(corpus, r);
                    sel_tokens += s.tokens.len() as u64;
                    sel_chars += char_len(s);
                    s.tokens.iter().for_each(|&t| in_sel[t as usize] += 1);
                }
            }
        }
    }
    // Saturating: a hand-made selection listing a sentence twice must not panic.
    let rest_tokens = total_tokens.saturating_sub(sel_tokens);
    let rest_chars = total_chars.saturating_sub(sel_chars);
    if sel_tokens == 0 || rest_tokens == 0 {
        return Vec::new();
    }
    let (c, d) = (sel_tokens as f64, rest_tokens as f64);
    let mut out: Vec<Keyness> = (0..in_sel.len())
        .filter(|&t| in_sel[t] > 0 && !hidden[t])
        .filter_map(|t| {
            let (a, b) = (in_sel[t], total[t].saturating_sub(in_sel[t]));
            // Over-represented: a higher relative frequency in the selection.
            if (a as f64) * d <= (b as f64) * c {
                return None;
            }
            Some(Keyness {
                term: t as u32,
                count_sel: a,
                count_rest: b,
                log_likelihood: log_likelihood(a as f64, b as f64, c, d),
                per_10k_sel: rate(a, sel_chars),
                per_10k_rest: rate(b, rest_chars),
            })
        })
        .collect();
    sort_by(&mut out, |x, y| {
        y.log_likelihood
            .partial_cmp(&x.log_likelihood)
            .unwrap_or(Ordering::Equal)
            .then(x.term.cmp(&y.term))
    });
    out.truncate(n);
    out
}

/// The `n` keywords found most often in the same selected sentence as `term`
/// (matched as in [`trend`]), as (vocabulary id, number of sentences), most
/// first; ties in vocabulary order. The term itself is left out.
pub fn cooccurrence(
    corpus: &Corpus,
    sel: &Selection,
    opts: &TermOptions,
    term: &str,
    n: usize,
) -> Vec<(u32, u32)> {
    let Some(needle) = Needle::new(corpus, term) else {
        return Vec::new();
    };
    let hidden = opts.hidden(corpus);
    let mut sentences = vec![0u32; corpus.vocab.len()];
    // The selected sentence (plus one) a term was last counted in, so a term
    // repeated within a sentence counts once.
    let mut last = vec![0u32; corpus.vocab.len()];
    for (i, r) in sel.sentences.iter().enumerate() {
        let s = sentence(corpus, r);
        if needle.count(s) == 0 {
            continue;
        }
        let stamp = i as u32 + 1;
        for &t in &s.tokens {
            let t = t as usize;
            if !hidden[t] && last[t] != stamp {
                last[t] = stamp;
                sentences[t] += 1;
            }
        }
    }
    if let Needle::Token(id) = needle {
        sentences[id as usize] = 0;
    }
    top_n(&sentences, n)
        .into_iter()
        .map(|t| (t, sentences[t as usize]))
        .collect()
}

/// Every occurrence of `needle` (folded to simplified, so either script finds
/// both) in the selected sentences' `norm`, non-overlapping as [`str::matches`]
/// finds them, in corpus order, with up to `width` characters of context on each
/// side within the sentence.
pub fn kwic(corpus: &Corpus, sel: &Selection, needle: &str, width: usize) -> Vec<KwicLine> {
    let needle = corpus.fold_query(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for r in &sel.sentences {
        let s = sentence(corpus, r);
        let norm = s.norm.as_str();
        // Character offset of the previous hit's byte offset, so offsets are
        // counted once per sentence rather than from the start for every hit.
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        for (byte, hit) in norm.match_indices(needle.as_str()) {
            at_char += norm[at_byte..byte].chars().count();
            at_byte = byte;
            let before = &norm[..byte];
            let left_start = before
                .char_indices()
                .rev()
                .nth(width.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            let left = if width == 0 {
                ""
            } else {
                &before[left_start..]
            };
            let after = &norm[byte + hit.len()..];
            let right_end = after
                .char_indices()
                .nth(width)
                .map_or(after.len(), |(i, _)| i);
            lines.push(KwicLine {
                doc: r.doc,
                sentence: r.sentence,
                section: s.section.clone(),
                left: left.to_string(),
                hit: hit.to_string(),
                right: after[..right_end].to_string(),
                start: at_char as u32,
            });
        }
    }
    lines
}

/// Orders concordance lines; ties fall back to corpus order.
pub fn sort_kwic(lines: &mut [KwicLine], by: KwicSort) {
    let corpus_order = |a: &KwicLine, b: &KwicLine| {
        (a.doc, a.sentence, a.start).cmp(&(b.doc, b.sentence, b.start))
    };
    match by {
        KwicSort::Left => sort_by(lines, |a, b| {
            a.left
                .chars()
                .rev()
                .cmp(b.left.chars().rev())
                .then_with(|| corpus_order(a, b))
        }),
        KwicSort::Right => sort_by(lines, |a, b| {
            a.right.cmp(&b.right).then_with(|| corpus_order(a, b))
        }),
        KwicSort::Document => sort_by(lines, corpus_order),
    }
}
