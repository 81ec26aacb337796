//! Keywords: segmentation into tokens (native, at bundle-build time) and the
//! statistics over a selection (both targets): frequencies, trends, keyness,
//! co-occurrence and the concordance.

#[cfg(not(target_arch = "wasm32"))]
mod segment;
#[cfg(not(target_arch = "wasm32"))]
pub use segment::{is_ideograph, Segmenter};

mod stats;
pub use stats::{
    cooccurrence, keyness, kwic, sort_kwic, term_id, top_terms, trend, trend_by_year, DocTerms,
    Keyness, KwicLine, KwicSort, TermIndex, TermOptions, TermStat, TrendPoint, YearPoint,
};
