//! Segmentation at bundle-build time (native only): jieba-rs with its full
//! dictionary plus the domain dictionary (`src/data/userdict.txt`) and each
//! report's glossary terms; builds [`Corpus::vocab`], `Sentence::tokens` and the
//! stopword and boilerplate flags.
//!
//! Owns which token is a word and which is a stopword; does not own any statistic
//! (that is `stats`, which runs in the browser on what this module wrote).
//!
//! Decisions that shape the bundle:
//! - Segmentation runs on `Sentence::norm` (simplified), never on the display
//!   text, so a word counts once whichever script its document is written in.
//! - Tokens made only of whitespace, punctuation and symbols get no vocabulary
//!   entry and are left out of `Sentence::tokens`: the reader and the concordance
//!   work on `norm`, which the bundle already carries, so keeping them would only
//!   add bytes. Everything else is kept, stopwords included, flagged in
//!   [`Corpus::stop`].
//! - The vocabulary is ordered by corpus frequency (most frequent first, ties by
//!   string), which is deterministic and gives the commonest tokens the smallest
//!   ids, hence the shortest varints in the postcard bundle.

use crate::model::{Corpus, UNKNOWN_CHAR};
use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet as HashSet};
use std::cmp::Reverse;

const USER_DICT: &str = include_str!("../data/userdict.txt");
const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");

/// Characters that write numbers: a token made only of these is a number.
const NUMERALS: &[char] = &[
    '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿',
    '两', '几', '半', '数',
];

/// Measure words and units that, after a numeral, make the whole token a quantity
/// (三个, 十年, 两万元) rather than a word.
const UNITS: &[&str] = &[
    "个",
    "家",
    "户",
    "项",
    "件",
    "次",
    "名",
    "位",
    "人",
    "元",
    "万元",
    "亿元",
    "年",
    "月",
    "日",
    "天",
    "周",
    "季度",
    "批",
    "条",
    "座",
    "所",
    "套",
    "间",
    "亩",
    "吨",
    "米",
    "公里",
    "平方米",
    "平方公里",
    "大",
    "类",
    "点",
    "倍",
    "成",
    "层",
    "期",
    "届",
    "号",
    "种",
    "处",
];

/// Glossary terms longer than this are definitions or phrases, not words.
const MAX_EXTRA_CHARS: usize = 10;

/// Splits every sentence's simplified text into tokens and fills the corpus
/// vocabulary and stopword flags.
pub struct Segmenter {
    jieba: Jieba,
    /// Words added on top of jieba's dictionary; never stopped by rule.
    domain: HashSet<String>,
    stop: HashSet<&'static str>,
    boilerplate: HashSet<&'static str>,
}

impl Segmenter {
    /// A segmenter that also knows `extra_words` (glossary terms, say). Extra
    /// words are kept when they are 2–10 CJK ideographs once enclosing quotes and
    /// brackets are trimmed; anything else (definitions, terms with digits or
    /// punctuation inside) is ignored.
    pub fn new(extra_words: &[String]) -> Self {
        let mut jieba = Jieba::new();
        let mut domain = HashSet::default();
        for line in data_lines(USER_DICT) {
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            let freq = parts.next().and_then(|f| f.parse().ok());
            jieba.add_word(word, freq, None);
            domain.insert(word.to_string());
        }
        for w in extra_words {
            if let Some(word) = glossary_word(w) {
                if domain.insert(word.to_string()) {
                    jieba.add_word(word, None, None);
                }
            }
        }
        Segmenter {
            jieba,
            domain,
            stop: data_lines(STOPWORDS).collect(),
            boilerplate: data_lines(BOILERPLATE).collect(),
        }
    }

    /// The tokens of one text, as jieba cuts it, without whitespace and
    /// punctuation.
    pub fn cut<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| t.word)
            .filter(|w| is_wordlike(w))
            .collect()
    }

    /// [`Segmenter::cut`] of every text, in order; large inputs are cut on several
    /// threads (each takes a contiguous run of texts, so the result is the same).
    fn cut_many<'a>(&self, texts: &[&'a str]) -> Vec<Vec<&'a str>> {
        const MIN_BYTES_PER_THREAD: usize = 32 * 1024;
        let total: usize = texts.iter().map(|t| t.len()).sum();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4)
            .min(total / MIN_BYTES_PER_THREAD)
            .max(1);
        if threads == 1 {
            return texts.iter().map(|t| self.cut(t)).collect();
        }
        // Contiguous runs of about `total / threads` bytes each.
        let mut bounds = vec![0];
        let mut bytes = 0;
        for (i, t) in texts.iter().enumerate() {
            bytes += t.len();
            if bounds.len() < threads && bytes * threads >= total * bounds.len() {
                bounds.push(i + 1);
            }
        }
        bounds.push(texts.len());
        std::thread::scope(|scope| {
            let runs: Vec<_> = bounds
                .windows(2)
                .map(|w| {
                    let run = &texts[w[0]..w[1]];
                    scope.spawn(move || run.iter().map(|t| self.cut(t)).collect::<Vec<_>>())
                })
                .collect();
            runs.into_iter()
                .flat_map(|r| r.join().expect("segmentation thread panicked"))
                .collect()
        })
    }

    /// Whether a token is a default stopword: listed, or caught by a rule.
    pub fn is_stop(&self, token: &str) -> bool {
        if self.domain.contains(token) {
            return false;
        }
        self.stop.contains(token)
            || !token.chars().all(is_ideograph)
            || is_quantity(token)
            // A lone character left over by the segmenter (区, 大, 新) says little
            // about what a report is about; words of two or more characters do.
            // The concordance still finds any single character.
            || token.chars().count() == 1
    }

    /// Whether a token is policy boilerplate.
    pub fn is_boilerplate(&self, token: &str) -> bool {
        self.boilerplate.contains(token)
    }

    /// Segments every sentence's `norm`, replacing the corpus vocabulary, the
    /// sentences' tokens and the flags.
    pub fn tokenize_corpus(&self, corpus: &mut Corpus) {
        let mut words: Vec<String> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        // Token ids per sentence, in corpus order, numbered by first appearance.
        let sentence_ids: Vec<Vec<u32>> = {
            let norms: Vec<&str> = corpus
                .docs
                .iter()
                .flat_map(|d| d.sentences.iter().map(|s| s.norm.as_str()))
                .collect();
            let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
            self.cut_many(&norms)
                .into_iter()
                .map(|tokens| {
                    tokens
                        .into_iter()
                        .map(|w| {
                            let id = *ids.entry(w).or_insert_with(|| {
                                words.push(w.to_string());
                                counts.push(0);
                                (words.len() - 1) as u32
                            });
                            counts[id as usize] += 1;
                            id
                        })
                        .collect()
                })
                .collect()
        };
        let mut sentence_ids = sentence_ids.into_iter();
        for doc in &mut corpus.docs {
            for s in &mut doc.sentences {
                s.tokens = sentence_ids.next().unwrap_or_default();
            }
        }

        // Most frequent first, ties by string. A word's first eight bytes, read
        // big-endian (zero-padded), order as the word does, so they settle almost
        // every tie without comparing strings. Words are distinct: no two keys are
        // equal, and an unstable sort gives the same order.
        let head = |w: &str| {
            let mut b = [0u8; 8];
            let n = w.len().min(8);
            b[..n].copy_from_slice(&w.as_bytes()[..n]);
            u64::from_be_bytes(b)
        };
        let mut keys: Vec<(Reverse<u32>, u64, u32)> = (0..words.len())
            .map(|i| (Reverse(counts[i]), head(&words[i]), i as u32))
            .collect();
        keys.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| words[a.2 as usize].cmp(&words[b.2 as usize]))
        });
        let order: Vec<u32> = keys.into_iter().map(|(_, _, i)| i).collect();
        let mut remap = vec![0u32; words.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        for doc in &mut corpus.docs {
            for s in &mut doc.sentences {
                for t in &mut s.tokens {
                    *t = remap[*t as usize];
                }
            }
        }
        corpus.vocab = order
            .iter()
            .map(|&old| std::mem::take(&mut words[old as usize]))
            .collect();
        corpus.stop = corpus.vocab.iter().map(|w| self.is_stop(w)).collect();
        corpus.boilerplate = corpus
            .vocab
            .iter()
            .map(|w| self.is_boilerplate(w))
            .collect();
        corpus.tokens_changed();
    }
}

/// The non-comment, non-blank lines of a data file, trimmed.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A glossary term as a dictionary word, if it is one.
fn glossary_word(term: &str) -> Option<&str> {
    let word = term.trim().trim_matches(|c: char| {
        c.is_whitespace() || "\"'“”‘’「」『』《》〈〉()（）[]【】".contains(c)
    });
    let n = word.chars().count();
    ((2..=MAX_EXTRA_CHARS).contains(&n) && word.chars().all(is_ideograph)).then_some(word)
}

/// Whether a token carries any letter, digit or ideograph (else it is whitespace,
/// punctuation or a symbol, and gets no vocabulary entry). The unknown-character
/// marker counts as a symbol. The ideograph range test comes first: it decides
/// almost every token, and `is_alphanumeric` is a table search for ideographs.
fn is_wordlike(token: &str) -> bool {
    token
        .chars()
        .any(|c| is_ideograph(c) || (c != UNKNOWN_CHAR && c.is_alphanumeric()))
}

/// CJK unified ideographs, extension A and beyond, and compatibility ideographs.
/// `〇` is not one: as a numeral it is a stopword anyway.
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '\u{30000}'..='\u{3134F}')
}

/// A number in Chinese numerals, alone or followed by a unit: 三, 二十, 两万元,
/// 五个, 十年. 一体化 or 一流 are words, not quantities.
fn is_quantity(token: &str) -> bool {
    let rest = token.trim_start_matches(NUMERALS);
    if rest.len() == token.len() {
        return false;
    }
    rest.is_empty() || UNITS.contains(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_numbers_and_units_only() {
        for q in ["三", "二十", "两万元", "五个", "十年", "一千三百万"] {
            assert!(is_quantity(q), "{q}");
        }
        for w in ["一体化", "一流", "万物", "城市", "十四五规划"] {
            assert!(!is_quantity(w), "{w}");
        }
    }

    #[test]
    fn glossary_terms_are_filtered() {
        assert_eq!(glossary_word("“一河六圈”"), Some("一河六圈"));
        assert_eq!(glossary_word("民生微实事"), Some("民生微实事"));
        assert_eq!(glossary_word("区"), None);
        assert_eq!(glossary_word("4.0版"), None);
        assert_eq!(
            glossary_word("指的是在城市建成区内开展的更新改造活动"),
            None
        );
        assert_eq!(glossary_word("A、B"), None);
    }
}
