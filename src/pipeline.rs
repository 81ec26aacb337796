//! The native I/O of the pipeline: reading report files (UTF-8 or GBK), refusing
//! what is not a report with a reason, and running the stages in order to build a
//! [`Corpus`].
//!
//! The stages themselves are pure functions in `clean`, `structure`, `facts` and
//! `terms`; this module only reads files and wires them together.

use crate::model::{Corpus, Doc};
use crate::{clean, facts, structure, terms};
use std::fmt;
use std::path::Path;

/// Larger than any work report by two orders of magnitude.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file is not read as a report.
#[derive(Debug)]
pub enum InputError {
    Unreadable(std::io::Error),
    Empty,
    TooLarge(u64),
    /// Not text: NUL bytes, or bytes that are neither UTF-8 nor GBK.
    Binary,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Unreadable(e) => write!(f, "cannot be read: {e}"),
            InputError::Empty => write!(f, "is empty"),
            InputError::TooLarge(n) => {
                write!(f, "is too large ({n} bytes; the limit is {MAX_BYTES})")
            }
            InputError::Binary => write!(f, "is not a text file (binary content)"),
        }
    }
}

/// A file that could not be processed, and why.
#[derive(Debug)]
pub struct Failure {
    pub file: String,
    pub error: InputError,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

/// Decodes a report's bytes: UTF-8 (with or without BOM), else GBK. Files with NUL
/// bytes or that decode cleanly as neither are binary.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return check_text(s.to_string());
    }
    let (s, had_errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(InputError::Binary);
    }
    check_text(s.into_owned())
}

/// Control characters other than line breaks and tabs are not in any report.
fn check_text(s: String) -> Result<String, InputError> {
    let total = s.chars().count().max(1);
    let control = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if control * 100 > total {
        return Err(InputError::Binary);
    }
    if s.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(s)
}

/// Reads and decodes one report file.
pub fn read_report(path: &Path) -> Result<String, InputError> {
    let meta = std::fs::metadata(path).map_err(InputError::Unreadable)?;
    if meta.is_dir() {
        return Err(InputError::Unreadable(std::io::Error::other(
            "is a directory",
        )));
    }
    if meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(InputError::Unreadable)?;
    decode(&bytes)
}

/// The document id for a file: its name without extension.
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "doc".to_string())
}

/// Runs clean → structure → facts on one report's text.
pub fn build_doc(path: &Path, text: &str) -> Doc {
    let file = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cleaned = clean::repair(text);
    let mut doc = structure::build(&doc_id(path), &file, cleaned);
    doc.facts = facts::extract(&doc, &facts::catalog());
    doc
}

/// Reads every file; returns the documents built and the files refused.
pub fn load(paths: &[impl AsRef<Path>]) -> (Vec<Doc>, Vec<Failure>) {
    let mut docs = Vec::new();
    let mut failures = Vec::new();
    for p in paths {
        let p = p.as_ref();
        match read_report(p) {
            Ok(text) => docs.push(build_doc(p, &text)),
            Err(error) => failures.push(Failure {
                file: p.display().to_string(),
                error,
            }),
        }
    }
    (docs, failures)
}

/// Assembles documents into a corpus: tokens, catalog, target checks, t2s table.
pub fn build_corpus(docs: Vec<Doc>) -> Corpus {
    let glossary: Vec<String> = docs
        .iter()
        .flat_map(|d| d.glossary.iter().map(|g| clean::to_simplified(&g.term)))
        .collect();
    let mut corpus = Corpus {
        docs,
        indicators: facts::catalog(),
        t2s: clean::t2s_table(),
        ..Corpus::default()
    };
    terms::Segmenter::new(&glossary).tokenize_corpus(&mut corpus);
    corpus.targets = facts::check_targets(&corpus);
    corpus
}
