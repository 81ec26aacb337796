//! The corpus bundle: the one static file the app fetches.
//!
//! Layout: the 8-byte magic `BAOGAO\0\0`, a little-endian `u32` format version,
//! then, encoded with postcard, the [`Corpus`] with what can be rebuilt left out,
//! and the little the reader needs to rebuild it. The writer checks the corpus'
//! invariants before encoding; the reader refuses another magic or version with an
//! error the app shows to the reader. This module owns the byte format and nothing
//! else: building a corpus is `pipeline`'s job.
//!
//! Why things are left out: in memory each sentence carries its display text (a
//! span of `Doc::text`), its simplified `norm` and its token ids, which tripled
//! the text in the bundle, and the bundle is most of what the app's first view
//! transfers. So the writer drops every `Sentence::text` (the reader cuts it back
//! out of `Doc::text`); every `norm` that equals the text mapped character by
//! character through [`Corpus::t2s`] (the reader maps it again; the few sentences
//! where the phrase-level conversion differs keep theirs); and every token list
//! that can be written as one byte per token, its place in `norm` (the reader
//! looks the pieces up in the vocabulary). Each is dropped only when rebuilding it
//! gives it back exactly, so `decode(encode(c)) == c`.

use crate::model::Corpus;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

pub const MAGIC: &[u8; 8] = b"BAOGAO\0\0";
/// Bump on any change to the model types or to the body layout.
pub const FORMAT_VERSION: u32 = 2;
/// The bundle's file name beside the app.
pub const FILE_NAME: &str = "corpus.bin";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The file does not start with the magic: not a bundle at all (an HTML error
    /// page served in its place, say).
    NotABundle,
    /// A bundle of another format version.
    Version { found: u32, expected: u32 },
    /// The body does not decode: truncated or corrupt.
    Corrupt(String),
    /// The corpus breaks an invariant (checked before writing).
    Invalid(String),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "not a baogao corpus bundle"),
            BundleError::Version { found, expected } => write!(
                f,
                "corpus bundle has format version {found}, this app reads version {expected}"
            ),
            BundleError::Corrupt(e) => write!(f, "corpus bundle is truncated or corrupt ({e})"),
            BundleError::Invalid(e) => write!(f, "corpus is inconsistent: {e}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Checks what the app relies on without re-checking: token ids inside the
/// vocabulary, per-token flags as long as the vocabulary, sentence spans inside the
/// text, facts pointing at existing sentences, target checks pointing at facts.
pub fn validate(c: &Corpus) -> Result<(), BundleError> {
    let bad = |m: String| Err(BundleError::Invalid(m));
    if c.stop.len() != c.vocab.len() || c.boilerplate.len() != c.vocab.len() {
        return bad("stopword flags and vocabulary differ in length".into());
    }
    if !c.t2s.chars().count().is_multiple_of(2) {
        return bad("t2s table has an odd number of characters".into());
    }
    for d in &c.docs {
        let chars: Vec<char> = d.text.chars().collect();
        for s in &d.sentences {
            if s.start > s.end || s.end as usize > chars.len() {
                return bad(format!("{}: sentence {} outside the text", d.id, s.id));
            }
            if !s
                .text
                .chars()
                .eq(chars[s.start as usize..s.end as usize].iter().copied())
            {
                return bad(format!(
                    "{}: sentence {} differs from its span of the text",
                    d.id, s.id
                ));
            }
            if let Some(t) = s.tokens.iter().find(|&&t| t as usize >= c.vocab.len()) {
                return bad(format!(
                    "{}: sentence {} has token {t} outside the vocabulary",
                    d.id, s.id
                ));
            }
        }
        for f in &d.facts {
            if d.sentence(&f.sentence).is_none() {
                return bad(format!(
                    "{}: fact cites missing sentence {}",
                    d.id, f.sentence
                ));
            }
        }
    }
    let fact_exists = |(di, fi): (u32, u32)| {
        c.docs
            .get(di as usize)
            .is_some_and(|d| (fi as usize) < d.facts.len())
    };
    for t in &c.targets {
        if !fact_exists(t.target) || t.result.is_some_and(|r| !fact_exists(r)) {
            return bad("a target check points at a missing fact".into());
        }
    }
    Ok(())
}

/// A sentence's `norm` as the reader rebuilds it when the bundle leaves it out:
/// the text mapped character by character through the corpus' t2s pairs.
fn char_norm(t2s: &HashMap<char, char>, text: &str) -> String {
    text.chars().map(|c| *t2s.get(&c).unwrap_or(&c)).collect()
}

fn t2s_map(t2s: &str) -> HashMap<char, char> {
    let cs: Vec<char> = t2s.chars().collect();
    cs.chunks_exact(2).map(|p| (p[0], p[1])).collect()
}

/// What the bundle adds to the slimmed corpus so the reader can restore it.
#[derive(Default, Serialize, Deserialize)]
struct Restore {
    /// Sentences whose `norm` is stored as written, as (document index, sentence
    /// index) in ascending order; every other `norm` is empty in the bundle.
    kept_norms: Vec<(u32, u32)>,
    /// Per sentence, in corpus order: its tokens as places in its `norm`, one byte
    /// each, `skip << 4 | len` in characters (the segmenter drops punctuation,
    /// hence the skip). Empty when the sentence keeps its token ids as written.
    cuts: Vec<Vec<u8>>,
}

/// The tokens' places in `norm` as [`Restore::cuts`] bytes, when every token is
/// a piece of `norm` that fits the byte and the vocabulary maps it back to its id.
fn cuts_of(norm: &[char], tokens: &[u32], vocab: &[String]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut pos = 0;
    for &t in tokens {
        let word: Vec<char> = vocab.get(t as usize)?.chars().collect();
        let skip = (0..16).find(|&k| norm.get(pos + k..pos + k + word.len()) == Some(&word[..]))?;
        if word.is_empty() || word.len() >= 16 {
            return None;
        }
        out.push((skip << 4 | word.len()) as u8);
        pos += skip + word.len();
    }
    Some(out)
}

/// The token ids of `cuts` in `norm`.
fn tokens_of(norm: &[char], cuts: &[u8], ids: &HashMap<String, u32>) -> Option<Vec<u32>> {
    let mut pos = 0;
    cuts.iter()
        .map(|&b| {
            pos += (b >> 4) as usize;
            let end = pos + (b & 15) as usize;
            let word: String = norm.get(pos..end)?.iter().collect();
            pos = end;
            ids.get(&word).copied()
        })
        .collect()
}

pub fn encode(c: &Corpus) -> Result<Vec<u8>, BundleError> {
    validate(c)?;
    let t2s = t2s_map(&c.t2s);
    let ids = vocab_ids(&c.vocab);
    let mut restore = Restore::default();
    let mut slim = c.clone();
    for (di, d) in slim.docs.iter_mut().enumerate() {
        for (si, s) in d.sentences.iter_mut().enumerate() {
            let norm: Vec<char> = s.norm.chars().collect();
            match cuts_of(&norm, &s.tokens, &c.vocab) {
                Some(cuts) if tokens_of(&norm, &cuts, &ids).as_ref() == Some(&s.tokens) => {
                    restore.cuts.push(cuts);
                    s.tokens.clear();
                }
                _ => restore.cuts.push(Vec::new()),
            }
            if s.norm == char_norm(&t2s, &s.text) {
                s.norm.clear();
            } else {
                restore.kept_norms.push((di as u32, si as u32));
            }
            s.text.clear();
        }
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let body = postcard::to_allocvec(&(&slim, &restore))
        .map_err(|e| BundleError::Invalid(e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// Vocabulary entries by string; the first id wins, as in [`cuts_of`]'s check.
fn vocab_ids(vocab: &[String]) -> HashMap<String, u32> {
    let mut ids = HashMap::with_capacity(vocab.len());
    for (i, w) in vocab.iter().enumerate() {
        ids.entry(w.clone()).or_insert(i as u32);
    }
    ids
}

pub fn decode(bytes: &[u8]) -> Result<Corpus, BundleError> {
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let found = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if found != FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let ((mut corpus, restore), rest) =
        postcard::take_from_bytes::<(Corpus, Restore)>(&bytes[12..])
            .map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if !rest.is_empty() {
        return Err(BundleError::Corrupt(format!(
            "{} trailing bytes",
            rest.len()
        )));
    }
    let t2s = t2s_map(&corpus.t2s);
    let ids = vocab_ids(&corpus.vocab);
    let mut cuts = restore.cuts.iter();
    for (di, d) in corpus.docs.iter_mut().enumerate() {
        let chars: Vec<char> = d.text.chars().collect();
        for (si, s) in d.sentences.iter_mut().enumerate() {
            let corrupt =
                |what: &str| BundleError::Corrupt(format!("{}: sentence {}: {what}", d.id, s.id));
            let span = chars
                .get(s.start as usize..s.end as usize)
                .ok_or_else(|| corrupt("outside the text"))?;
            s.text = span.iter().collect();
            if restore
                .kept_norms
                .binary_search(&(di as u32, si as u32))
                .is_err()
            {
                s.norm = char_norm(&t2s, &s.text);
            }
            let cut = cuts.next().ok_or_else(|| corrupt("no token places"))?;
            if s.tokens.is_empty() {
                let norm: Vec<char> = s.norm.chars().collect();
                s.tokens = tokens_of(&norm, cut, &ids)
                    .ok_or_else(|| corrupt("token places outside the vocabulary"))?;
            }
        }
    }
    if cuts.next().is_some() {
        return Err(BundleError::Corrupt(
            "more token places than sentences".into(),
        ));
    }
    validate(&corpus).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    Ok(corpus)
}
