//! Filters and selections: which documents, sentences and figures a reader is
//! looking at. Pure functions over the [`Corpus`], shared by the CLI and the app.
//!
//! This module decides what is selected; what is computed over a selection lives in
//! `terms` (keywords) and `facts` (figures).

use crate::model::{Corpus, DocKind};

/// What the reader asked for. Empty lists mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub districts: Vec<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub kinds: Vec<DocKind>,
    pub docs: Vec<String>,
    /// Free text, in either script; matched against the simplified `norm` text.
    pub q: String,
}

/// A sentence, by document index and sentence index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceRef {
    pub doc: u32,
    pub sentence: u32,
}

/// A fact, by document index and fact index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactRef {
    pub doc: u32,
    pub fact: u32,
}

/// What a filter selects, in corpus order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Documents with at least one selected sentence.
    pub docs: Vec<u32>,
    pub sentences: Vec<SentenceRef>,
    /// Facts read from selected sentences.
    pub facts: Vec<FactRef>,
}

impl Selection {
    pub fn contains_doc(&self, doc: u32) -> bool {
        self.docs.binary_search(&doc).is_ok()
    }
}

/// Whether a document passes the document-level part of a filter (everything but
/// the free text).
pub fn doc_matches(corpus: &Corpus, doc: usize, filter: &Filter) -> bool {
    let d = &corpus.docs[doc];
    if !filter.districts.is_empty()
        && !d
            .district
            .as_ref()
            .is_some_and(|x| filter.districts.iter().any(|f| f == x))
    {
        return false;
    }
    if !filter.kinds.is_empty() && !filter.kinds.contains(&d.kind) {
        return false;
    }
    if !filter.docs.is_empty() && !filter.docs.contains(&d.id) {
        return false;
    }
    if filter.from.is_some() || filter.to.is_some() {
        let Some(year) = d.year() else { return false };
        if filter.from.is_some_and(|f| year < f) || filter.to.is_some_and(|t| year > t) {
            return false;
        }
    }
    true
}

/// Applies a filter.
pub fn select(corpus: &Corpus, filter: &Filter) -> Selection {
    let needle = corpus.fold_query(&filter.q);
    let mut sel = Selection::default();
    for (di, d) in corpus.docs.iter().enumerate() {
        if !doc_matches(corpus, di, filter) {
            continue;
        }
        let before = sel.sentences.len();
        // Only a text search selects part of a document; then its facts are those
        // of the sentences it found.
        let mut chosen = std::collections::HashSet::new();
        for (si, s) in d.sentences.iter().enumerate() {
            if needle.is_empty() || s.norm.contains(&needle) {
                sel.sentences.push(SentenceRef {
                    doc: di as u32,
                    sentence: si as u32,
                });
                if !needle.is_empty() {
                    chosen.insert(s.id.as_str());
                }
            }
        }
        if sel.sentences.len() == before {
            continue;
        }
        sel.docs.push(di as u32);
        for (fi, f) in d.facts.iter().enumerate() {
            if needle.is_empty() || chosen.contains(&f.sentence.as_str()) {
                sel.facts.push(FactRef {
                    doc: di as u32,
                    fact: fi as u32,
                });
            }
        }
    }
    sel
}
