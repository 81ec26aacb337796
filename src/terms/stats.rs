//! Keyword statistics over a selection: pure functions of the corpus and the
//! selection, run by the app on every filter change and by the CLI.

use crate::model::Corpus;
use crate::query::Selection;

/// Which tokens count as keywords.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermOptions {
    /// Hide policy boilerplate (推进, 加快 …) as well as the default stopwords.
    pub hide_boilerplate: bool,
    /// The reader's own stopwords (simplified).
    pub extra_stop: Vec<String>,
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

/// The `n` most frequent keywords of the selection, most frequent first; ties in
/// vocabulary order.
pub fn top_terms(corpus: &Corpus, sel: &Selection, opts: &TermOptions, n: usize) -> Vec<TermStat> {
    let _ = (corpus, sel, opts, n);
    Vec::new()
}
