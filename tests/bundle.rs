//! The bundle's byte format: the seed corpus survives encode → decode unchanged, and damaged or foreign bytes give a `BundleError`, never a panic.

mod common;

use baogao::bundle::{decode, encode, BundleError, FORMAT_VERSION, MAGIC};
use baogao::model::Corpus;
use baogao::pipeline::{build_corpus, load};
use std::sync::OnceLock;

fn seed_corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let (docs, failures) = load(&common::seed_paths());
        assert!(failures.is_empty(), "{failures:?}");
        build_corpus(docs)
    })
}

fn seed_bundle() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| encode(seed_corpus()).unwrap())
}

#[test]
fn seed_corpus_round_trips() {
    let c = seed_corpus();
    assert_eq!(c.docs.len(), 5);
    let back = decode(seed_bundle()).unwrap();
    // Field by field first, so a failure names what was not restored.
    for (a, b) in c.docs.iter().zip(&back.docs) {
        for (x, y) in a.sentences.iter().zip(&b.sentences) {
            assert_eq!(x.text, y.text, "{} {}", a.id, x.id);
            assert_eq!(x.norm, y.norm, "{} {}", a.id, x.id);
        }
    }
    assert!(back == *c);
}

#[test]
fn bundle_stores_the_text_once() {
    let c = seed_corpus();
    let text_bytes: usize = c.docs.iter().map(|d| d.text.len()).sum();
    let bytes = seed_bundle();
    // The display text once, plus tokens, vocabulary and the t2s table; the old
    // layout stored it three times over.
    assert!(
        bytes.len() < text_bytes * 3,
        "bundle {} bytes for {text_bytes} bytes of text",
        bytes.len()
    );
}

#[test]
fn corpus_with_phrase_level_norms_round_trips() {
    // A norm that is not the character-by-character map of the text is kept as is,
    // including an empty one.
    let mut c = seed_corpus().clone();
    let d = &mut c.docs[0];
    d.sentences[0].norm = "乾隆".to_string();
    d.sentences[1].norm = String::new();
    let back = decode(&encode(&c).unwrap()).unwrap();
    assert_eq!(back.docs[0].sentences[0].norm, "乾隆");
    assert_eq!(back.docs[0].sentences[1].norm, "");
    assert!(back == c);
}

#[test]
fn empty_corpus_round_trips() {
    let c = Corpus::default();
    assert!(decode(&encode(&c).unwrap()).unwrap() == c);
}

#[test]
fn sentence_text_not_in_doc_text_is_refused_on_encode() {
    let mut c = seed_corpus().clone();
    c.docs[0].sentences[0].text.push('X');
    assert!(matches!(encode(&c), Err(BundleError::Invalid(_))));
}

#[test]
fn truncated_bundle_is_corrupt() {
    let bytes = seed_bundle();
    for cut in [12, 13, 100, bytes.len() / 2, bytes.len() - 1] {
        match decode(&bytes[..cut]) {
            Err(BundleError::Corrupt(_)) => {}
            other => panic!("cut at {cut}: {:?}", other.map(|_| ())),
        }
    }
}

#[test]
fn trailing_bytes_are_corrupt() {
    let mut bytes = seed_bundle().to_vec();
    bytes.push(0);
    assert!(matches!(decode(&bytes), Err(BundleError::Corrupt(_))));
}

#[test]
fn wrong_magic_is_not_a_bundle() {
    let mut bytes = seed_bundle().to_vec();
    bytes[0] = b'X';
    assert_eq!(decode(&bytes).unwrap_err(), BundleError::NotABundle);
    assert_eq!(
        decode(b"<!DOCTYPE html><html>").unwrap_err(),
        BundleError::NotABundle
    );
    assert_eq!(decode(b"").unwrap_err(), BundleError::NotABundle);
    assert_eq!(decode(&MAGIC[..]).unwrap_err(), BundleError::NotABundle);
}

#[test]
fn other_version_is_refused_by_number() {
    let mut bytes = seed_bundle().to_vec();
    bytes[8..12].copy_from_slice(&1u32.to_le_bytes());
    assert_eq!(
        decode(&bytes).unwrap_err(),
        BundleError::Version {
            found: 1,
            expected: FORMAT_VERSION
        }
    );
    let msg = decode(&bytes).unwrap_err().to_string();
    assert!(msg.contains("version 1") && msg.contains(&format!("version {FORMAT_VERSION}")));
}

#[test]
fn corrupt_bodies_never_panic() {
    // Flip bytes all over the body: any outcome but a panic is acceptable.
    let bytes = seed_bundle();
    let step = (bytes.len() / 400).max(1);
    for i in (12..bytes.len()).step_by(step) {
        let mut b = bytes.to_vec();
        b[i] ^= 0xA5;
        let _ = decode(&b);
    }
}
