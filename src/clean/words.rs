//! A word model, for the choices between readings of a mojibake run that the
//! character model cannot settle: which of 圈以赴 and 全力以赴, 飯套 and 飯堂.
//! A bigram model sees two characters at a time; a reader sees words. This is
//! jieba-rs's dictionary (about 350,000 words with their frequencies in a general
//! corpus) read as a unigram model of words: a text's score is the log-probability
//! of its likeliest segmentation, the route jieba cuts along.
//!
//! Owns that score only; `mojibake` decides how much it weighs.

use crate::terms::is_ideograph;
use jieba_rs::Jieba;
use std::sync::OnceLock;

/// The dictionary, loaded once (about a tenth of a second) the first time a
/// run's reading is in doubt.
pub struct Words {
    jieba: Jieba,
    /// ln of the dictionary's total frequency: a word's probability is its
    /// frequency over it.
    log_total: f64,
}

/// The shared [`Words`].
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let jieba = Jieba::new();
        // jieba-rs keeps its total to itself, but says it through
        // `suggest_freq`: of one word, its frequency plus one; of a string cut
        // into two words, their frequencies' product over the total, plus one.
        let f = jieba.suggest_freq("的") as f64 - 1.0;
        let ff = jieba.suggest_freq("的的") as f64 - 1.0;
        let log_total = 2.0 * f.ln() - ff.ln();
        Words { jieba, log_total }
    })
}

impl Words {
    /// The log-probability of the likeliest segmentation of `text`'s Chinese
    /// stretches (each character simplified, the dictionary's script), plus
    /// `other` of each character between them (punctuation, digits, Latin: the
    /// dictionary has none of them).
    pub fn score(&self, text: &[char], other: impl Fn(char) -> f64) -> f64 {
        let mut total = 0.0;
        let mut stretch = String::new();
        for &c in text.iter().chain(std::iter::once(&'\0')) {
            if is_ideograph(c) {
                stretch.push(super::simplify_char(c));
                continue;
            }
            if !stretch.is_empty() {
                total += self.route(&stretch);
                stretch.clear();
            }
            if c != '\0' {
                total += other(c);
            }
        }
        total
    }

    /// The log-probability of the route jieba cuts `s` along (without its HMM,
    /// which guesses words the dictionary lacks), each word's frequency taken
    /// plus one (`suggest_freq`'s count): a character it does not know counts
    /// as seen once, plus one.
    fn route(&self, s: &str) -> f64 {
        (self.jieba.cut(s, false).iter())
            .map(|t| (self.jieba.suggest_freq(t.word) as f64).ln() - self.log_total)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_is_read_back_from_two_words() {
        let w = words();
        let cut: Vec<&str> = (w.jieba.cut("的的", false).iter())
            .map(|t| t.word)
            .collect();
        assert_eq!(cut, ["的", "的"]);
        // Tens of millions of words in jieba's corpus.
        assert!((16.0..20.0).contains(&w.log_total), "{}", w.log_total);
    }

    #[test]
    fn words_outscore_strings_of_characters() {
        let w = words();
        let s = |t: &str| w.score(&t.chars().collect::<Vec<_>>(), |_| -3.0);
        assert!(s("全力以赴推进") > s("圈以赴推进") + 5.0);
        assert!(s("長者飯堂") > s("長者飯套"));
        assert!(s("深港學校") > s("深港學套"));
        // Punctuation is scored by `other`, once per mark.
        assert_eq!(s("，"), -3.0);
    }
}
