//! Figures: every quantitative claim in a sentence as a [`Fact`], the canonical
//! indicator catalog, and targets checked against results.
//!
//! Extraction runs natively at bundle-build time; the app reads the facts from the
//! bundle.

#[cfg(not(target_arch = "wasm32"))]
use crate::model::{Corpus, Doc, Fact, Indicator, TargetCheck};

/// The canonical indicator catalog (`src/data/indicators.toml`).
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog() -> Vec<Indicator> {
    Vec::new()
}

/// Every fact stated in a document's sentences.
#[cfg(not(target_arch = "wasm32"))]
pub fn extract(_doc: &Doc, _catalog: &[Indicator]) -> Vec<Fact> {
    Vec::new()
}

/// Pairs each target with the result for the same district, indicator and year.
#[cfg(not(target_arch = "wasm32"))]
pub fn check_targets(_corpus: &Corpus) -> Vec<TargetCheck> {
    Vec::new()
}
