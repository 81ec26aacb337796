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
use std::fmt;

pub const MAGIC: &[u8; 8] = b"BAOGAO\0\0";
/// Bump on any change to the model types or to the body layout.
pub const FORMAT_VERSION: u32 = 4;
/// The bundle's file name beside the app.
pub const FILE_NAME: &str = "corpus.bin";
/// The text part's file name beside the index.
pub const TEXT_FILE_NAME: &str = "corpus-text.bin";
/// The text part's magic: a swapped pair of files is refused, not misread.
pub const TEXT_MAGIC: &[u8; 8] = b"BAOGAOT\0";

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
    validate_index(c)?;
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
    }
    Ok(())
}

/// The invariants of the index alone: the t2s table pairs up, facts cite existing
/// sentences, target checks point at facts.
pub fn validate_index(c: &Corpus) -> Result<(), BundleError> {
    let bad = |m: String| Err(BundleError::Invalid(m));
    if !c.t2s.chars().count().is_multiple_of(2) {
        return bad("t2s table has an odd number of characters".into());
    }
    for d in &c.docs {
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
fn char_norm(t2s: &[(char, char)], text: &str) -> String {
    text.chars()
        .map(|c| match t2s.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => t2s[i].1,
            Err(_) => c,
        })
        .collect()
}

/// The t2s pairs sorted by the traditional character for binary search; of pairs
/// with the same character, the last written wins. (A sorted list rather than a
/// hash map: the wasm then carries no hash table or hasher for the bundle.)
fn t2s_map(t2s: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = t2s.chars().collect();
    let mut pairs: Vec<(char, char)> = cs.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    crate::order::sort_by_key(&mut pairs, |p| p.0);
    let mut out: Vec<(char, char)> = Vec::with_capacity(pairs.len());
    for p in pairs {
        match out.last_mut() {
            Some(last) if last.0 == p.0 => *last = p,
            _ => out.push(p),
        }
    }
    out
}

/// The tokens' places in `norm` as [`TextPart::cuts`] bytes, when every token is
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
fn tokens_of(norm: &[char], cuts: &[u8], ids: &VocabIds) -> Option<Vec<u32>> {
    let mut pos = 0;
    cuts.iter()
        .map(|&b| {
            pos += (b >> 4) as usize;
            let end = pos + (b & 15) as usize;
            let word: String = norm.get(pos..end)?.iter().collect();
            pos = end;
            ids.get(&word)
        })
        .collect()
}

/// The two files of a bundle: the index the app's first view needs (metadata,
/// sections, sentence skeletons, facts, catalog, targets) and the text part it
/// fetches when a view needs the words (display text, repair marks, the `norm`s
/// that are kept, tokens and the vocabulary).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    pub index: Vec<u8>,
    pub text: Vec<u8>,
}

/// What the text part carries, per document in corpus order.
#[derive(Default, Serialize, Deserialize)]
struct TextPart {
    /// Document ids, to refuse a text part of another corpus.
    ids: Vec<String>,
    texts: Vec<String>,
    marks: Vec<Vec<crate::model::Mark>>,
    /// (document, sentence, norm) for the norms kept as written.
    norms: Vec<(u32, u32, String)>,
    /// (document, sentence, token ids) for the token lists kept as written.
    tokens: Vec<(u32, u32, Vec<u32>)>,
    vocab: Vec<String>,
    stop: Vec<bool>,
    boilerplate: Vec<bool>,
    /// Per sentence, in corpus order: its tokens as places in its `norm`, one byte
    /// each, `skip << 4 | len` in characters (the segmenter drops punctuation,
    /// hence the skip); empty for the lists kept as written.
    cuts: Vec<Vec<u8>>,
}

fn with_header(magic: &[u8; 8], body: Vec<u8>) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&body);
    out
}

pub fn encode(c: &Corpus) -> Result<Parts, BundleError> {
    validate(c)?;
    let t2s = t2s_map(&c.t2s);
    let ids = vocab_ids(&c.vocab);
    let mut text = TextPart::default();
    let mut slim = c.clone();
    for (di, d) in slim.docs.iter_mut().enumerate() {
        for (si, s) in d.sentences.iter_mut().enumerate() {
            let norm: Vec<char> = s.norm.chars().collect();
            match cuts_of(&norm, &s.tokens, &c.vocab) {
                Some(cuts) if tokens_of(&norm, &cuts, &ids).as_ref() == Some(&s.tokens) => {
                    text.cuts.push(cuts);
                }
                _ => {
                    text.cuts.push(Vec::new());
                    text.tokens.push((di as u32, si as u32, s.tokens.clone()));
                }
            }
            if s.norm != char_norm(&t2s, &s.text) {
                text.norms
                    .push((di as u32, si as u32, std::mem::take(&mut s.norm)));
            }
            s.norm.clear();
            s.tokens.clear();
            s.text.clear();
        }
        text.ids.push(d.id.clone());
        text.texts.push(std::mem::take(&mut d.text));
        text.marks.push(std::mem::take(&mut d.marks));
    }
    text.vocab = std::mem::take(&mut slim.vocab);
    text.stop = std::mem::take(&mut slim.stop);
    text.boilerplate = std::mem::take(&mut slim.boilerplate);
    let enc = |e: postcard::Error| BundleError::Invalid(e.to_string());
    Ok(Parts {
        index: with_header(MAGIC, postcard::to_allocvec(&slim).map_err(enc)?),
        text: with_header(TEXT_MAGIC, postcard::to_allocvec(&text).map_err(enc)?),
    })
}

/// Vocabulary entries by string; the first id wins, as in [`cuts_of`]'s check.
/// Ids sorted by their word (then id), one per word, for binary search.
struct VocabIds<'a> {
    vocab: &'a [String],
    sorted: Vec<u32>,
}

impl VocabIds<'_> {
    fn get(&self, word: &str) -> Option<u32> {
        self.sorted
            .binary_search_by(|&id| self.vocab[id as usize].as_str().cmp(word))
            .ok()
            .map(|i| self.sorted[i])
    }
}

fn vocab_ids(vocab: &[String]) -> VocabIds<'_> {
    let mut sorted: Vec<u32> = (0..vocab.len() as u32).collect();
    crate::order::sort_ids(&mut sorted, &mut |a, b| {
        vocab[a as usize].cmp(&vocab[b as usize])
    });
    // Ties are in id order: keep the first of each word.
    sorted.dedup_by(|b, a| vocab[*a as usize] == vocab[*b as usize]);
    VocabIds { vocab, sorted }
}

/// Checks the magic and version; returns the body.
fn body<'a>(bytes: &'a [u8], magic: &[u8; 8]) -> Result<&'a [u8], BundleError> {
    if bytes.len() < 12 || &bytes[..8] != magic {
        return Err(BundleError::NotABundle);
    }
    let found = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if found != FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    Ok(&bytes[12..])
}

fn take_all<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, BundleError> {
    let (value, rest) =
        postcard::take_from_bytes::<T>(body).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if !rest.is_empty() {
        return Err(BundleError::Corrupt(format!(
            "{} trailing bytes",
            rest.len()
        )));
    }
    Ok(value)
}

/// Reads the index: a corpus whose documents have no text yet (see
/// [`Corpus::has_text`]); everything the figures need is there.
pub fn decode_index(bytes: &[u8]) -> Result<Corpus, BundleError> {
    let corpus: Corpus = take_all(body(bytes, MAGIC)?)?;
    validate_index(&corpus).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    Ok(corpus)
}

/// Adds the text part to a corpus read with [`decode_index`].
pub fn decode_text(corpus: &mut Corpus, bytes: &[u8]) -> Result<(), BundleError> {
    let mut part: TextPart = take_all(body(bytes, TEXT_MAGIC)?)?;
    let ids: Vec<&String> = corpus.docs.iter().map(|d| &d.id).collect();
    if part.ids.iter().collect::<Vec<_>>() != ids
        || part.texts.len() != ids.len()
        || part.marks.len() != ids.len()
    {
        return Err(BundleError::Corrupt(
            "the text part belongs to another corpus".into(),
        ));
    }
    let mut norms = std::mem::take(&mut part.norms).into_iter().peekable();
    let mut tokens = std::mem::take(&mut part.tokens).into_iter().peekable();
    let t2s = t2s_map(&corpus.t2s);
    let ids = vocab_ids(&part.vocab);
    let mut cuts = part.cuts.iter();
    for (di, (d, (text, marks))) in corpus
        .docs
        .iter_mut()
        .zip(part.texts.into_iter().zip(part.marks))
        .enumerate()
    {
        d.text = text;
        d.marks = marks;
        let chars: Vec<char> = d.text.chars().collect();
        for (si, s) in d.sentences.iter_mut().enumerate() {
            let at = (di as u32, si as u32);
            let corrupt =
                |what: &str| BundleError::Corrupt(format!("{}: sentence {}: {what}", d.id, s.id));
            let span = chars
                .get(s.start as usize..s.end as usize)
                .ok_or_else(|| corrupt("outside the text"))?;
            s.text = span.iter().collect();
            s.norm = match norms.next_if(|n| (n.0, n.1) == at) {
                Some((_, _, n)) => n,
                None => char_norm(&t2s, &s.text),
            };
            let cut = cuts.next().ok_or_else(|| corrupt("no token places"))?;
            s.tokens = match tokens.next_if(|t| (t.0, t.1) == at) {
                Some((_, _, t)) => t,
                None => {
                    let norm: Vec<char> = s.norm.chars().collect();
                    tokens_of(&norm, cut, &ids)
                        .ok_or_else(|| corrupt("token places outside the vocabulary"))?
                }
            };
        }
    }
    if cuts.next().is_some() || norms.next().is_some() || tokens.next().is_some() {
        return Err(BundleError::Corrupt(
            "the text part has more sentences than the index".into(),
        ));
    }
    corpus.vocab = part.vocab;
    corpus.stop = part.stop;
    corpus.boilerplate = part.boilerplate;
    corpus.tokens_changed();
    validate(corpus).map_err(|e| BundleError::Corrupt(e.to_string()))
}

/// Reads both parts.
pub fn decode(parts: &Parts) -> Result<Corpus, BundleError> {
    let mut c = decode_index(&parts.index)?;
    decode_text(&mut c, &parts.text)?;
    Ok(c)
}
