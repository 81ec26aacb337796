//! The bundle's byte format: the seed corpus survives encode → decode unchanged, and damaged or foreign bytes give a `BundleError`, never a panic.

mod common;

use baogao::bundle::{
    decode, decode_index, decode_text, encode, BundleError, Parts, FORMAT_VERSION, MAGIC,
    TEXT_MAGIC,
};
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

fn seed_bundle() -> &'static Parts {
    static BYTES: OnceLock<Parts> = OnceLock::new();
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
    let p = seed_bundle();
    let bytes = p.index.len() + p.text.len();
    // The display text once, plus tokens, vocabulary and the t2s table; the old
    // layout stored it three times over.
    assert!(
        bytes < text_bytes * 3,
        "bundle {bytes} bytes for {text_bytes} bytes of text"
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

/// Decodes a pair of possibly damaged parts.
fn decode_pair(index: &[u8], text: &[u8]) -> Result<Corpus, BundleError> {
    let mut c = decode_index(index)?;
    decode_text(&mut c, text)?;
    Ok(c)
}

/// Each part, damaged by `damage`, with the other part intact.
fn each_damaged(damage: impl Fn(&[u8]) -> Vec<u8>) -> [Result<Corpus, BundleError>; 2] {
    let p = seed_bundle();
    [
        decode_pair(&damage(&p.index), &p.text),
        decode_pair(&p.index, &damage(&p.text)),
    ]
}

#[test]
fn the_index_alone_has_facts_but_no_text() {
    let c = decode_index(&seed_bundle().index).unwrap();
    assert!(!c.has_text());
    let full = seed_corpus();
    assert!(full.has_text());
    assert_eq!(c.docs.len(), full.docs.len());
    for (a, b) in c.docs.iter().zip(&full.docs) {
        assert_eq!(a.facts, b.facts);
        assert_eq!(a.sentences.len(), b.sentences.len());
        assert_eq!(a.sections, b.sections);
    }
    // The index is what the first view transfers: it must be the small part.
    assert!(seed_bundle().index.len() < seed_bundle().text.len());
}

#[test]
fn truncated_bundle_is_corrupt() {
    let p = seed_bundle();
    for bytes in [&p.index, &p.text] {
        for cut in [12, 13, 100, bytes.len() / 2, bytes.len() - 1] {
            let short = bytes[..cut].to_vec();
            let r = if bytes == &p.index {
                decode_pair(&short, &p.text)
            } else {
                decode_pair(&p.index, &short)
            };
            match r {
                Err(BundleError::Corrupt(_)) => {}
                other => panic!("cut at {cut}: {:?}", other.map(|_| ())),
            }
        }
    }
}

#[test]
fn trailing_bytes_are_corrupt() {
    for r in each_damaged(|b| {
        let mut v = b.to_vec();
        v.push(0);
        v
    }) {
        assert!(matches!(r, Err(BundleError::Corrupt(_))));
    }
}

#[test]
fn wrong_magic_is_not_a_bundle() {
    for r in each_damaged(|b| {
        let mut v = b.to_vec();
        v[0] = b'X';
        v
    }) {
        assert_eq!(r.unwrap_err(), BundleError::NotABundle);
    }
    assert_eq!(
        decode_index(b"<!DOCTYPE html><html>").unwrap_err(),
        BundleError::NotABundle
    );
    assert_eq!(decode_index(b"").unwrap_err(), BundleError::NotABundle);
    assert_eq!(
        decode_index(&MAGIC[..]).unwrap_err(),
        BundleError::NotABundle
    );
    // Swapped files are refused, not misread.
    let p = seed_bundle();
    assert_eq!(decode_index(&p.text).unwrap_err(), BundleError::NotABundle);
    assert!(p.text.starts_with(TEXT_MAGIC));
}

#[test]
fn text_part_of_another_corpus_is_refused() {
    let mut other = seed_corpus().clone();
    other.docs.pop();
    let foreign = encode(&other).unwrap();
    let mut c = decode_index(&seed_bundle().index).unwrap();
    assert!(matches!(
        decode_text(&mut c, &foreign.text),
        Err(BundleError::Corrupt(_))
    ));
}

#[test]
fn other_version_is_refused_by_number() {
    for r in each_damaged(|b| {
        let mut v = b.to_vec();
        v[8..12].copy_from_slice(&1u32.to_le_bytes());
        v
    }) {
        let e = r.unwrap_err();
        assert_eq!(
            e,
            BundleError::Version {
                found: 1,
                expected: FORMAT_VERSION
            }
        );
        let msg = e.to_string();
        assert!(msg.contains("version 1") && msg.contains(&format!("version {FORMAT_VERSION}")));
    }
}

#[test]
fn corrupt_bodies_never_panic() {
    // Flip bytes all over both bodies: any outcome but a panic is acceptable.
    let p = seed_bundle();
    for (which, bytes) in [(0, &p.index), (1, &p.text)] {
        let step = (bytes.len() / 300).max(1);
        for i in (12..bytes.len()).step_by(step) {
            let mut b = bytes.to_vec();
            b[i] ^= 0xA5;
            let _ = if which == 0 {
                decode_pair(&b, &p.text)
            } else {
                decode_pair(&p.index, &b)
            };
        }
    }
}
