//! Prints the corpus bundle's size, raw and gzip-compressed, with a breakdown of
//! what the bytes are, so the first view's transfer budget (≤ 300 KB gzipped for
//! html+js+wasm+css+bundle, so ≤ ~150 KB for the bundle) can be checked by reading.
//!
//! `cargo run --release --example bundle_size [SEED_DIR]`. Prints figures only;
//! the budget is never asserted in a test.

use baogao::bundle;
use baogao::model::Corpus;
use baogao::pipeline::{build_corpus, load};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::PathBuf;

/// What a web server with default gzip settings would send.
fn gz_len(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).expect("writing to a Vec cannot fail");
    e.finish().expect("writing to a Vec cannot fail").len()
}

fn part(name: &str, bytes: &[u8]) {
    println!(
        "{name:<28} {:>9} B raw {:>9} B gz",
        bytes.len(),
        gz_len(bytes)
    );
}

/// Encodes one part of the corpus alone, to see what it costs.
fn enc<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
    postcard::to_allocvec(v).expect("in-memory encoding")
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let paths =
        baogao::pipeline::report_files(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let (docs, failures) = load(&paths);
    for f in &failures {
        eprintln!("{f}");
    }
    let corpus: Corpus = build_corpus(docs);
    let parts = bundle::encode(&corpus).unwrap_or_else(|e| panic!("{e}"));
    part(bundle::FILE_NAME, &parts.index);
    part(bundle::TEXT_FILE_NAME, &parts.text);

    let texts: String = corpus.docs.iter().map(|d| d.text.as_str()).collect();
    part("  Doc.text", texts.as_bytes());
    let sentence_texts: String = corpus
        .docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|s| s.text.as_str()))
        .collect();
    part("  Sentence.text (in memory)", sentence_texts.as_bytes());
    let norms: String = corpus
        .docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|s| s.norm.as_str()))
        .collect();
    part("  Sentence.norm (in memory)", norms.as_bytes());
    let tokens: Vec<&Vec<u32>> = corpus
        .docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|s| &s.tokens))
        .collect();
    part("  Sentence.tokens", &enc(&tokens));
    let facts: Vec<_> = corpus.docs.iter().map(|d| &d.facts).collect();
    part("  Doc.facts", &enc(&facts));
    part("  vocab", &enc(&corpus.vocab));
    part("  t2s", corpus.t2s.as_bytes());
    part("  indicators", &enc(&corpus.indicators));
}
