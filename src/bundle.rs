//! The corpus bundle: the one static file the app fetches.
//!
//! Layout: the 8-byte magic `BAOGAO\0\0`, a little-endian `u32` format version,
//! then the [`Corpus`] encoded with postcard. The writer checks the corpus'
//! invariants before encoding; the reader refuses another magic or version with an
//! error the app shows to the reader. This module owns the byte format and nothing
//! else: building a corpus is `pipeline`'s job.

use crate::model::Corpus;
use std::fmt;

pub const MAGIC: &[u8; 8] = b"BAOGAO\0\0";
/// Bump on any change to the model types.
pub const FORMAT_VERSION: u32 = 1;
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
        let len = d.text.chars().count() as u32;
        for s in &d.sentences {
            if s.start > s.end || s.end > len {
                return bad(format!("{}: sentence {} outside the text", d.id, s.id));
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

pub fn encode(c: &Corpus) -> Result<Vec<u8>, BundleError> {
    validate(c)?;
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let body = postcard::to_allocvec(c).map_err(|e| BundleError::Invalid(e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
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
    let (corpus, rest) = postcard::take_from_bytes::<Corpus>(&bytes[12..])
        .map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if !rest.is_empty() {
        return Err(BundleError::Corrupt(format!(
            "{} trailing bytes",
            rest.len()
        )));
    }
    validate(&corpus).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    Ok(corpus)
}
