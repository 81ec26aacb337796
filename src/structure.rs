//! From repaired text to a [`Doc`]: page furniture out, metadata in, the section
//! tree, the glossary, paragraphs and sentences.
//!
//! Owns lines and their meaning; character repair happened before (`clean`),
//! figures and tokens come after (`facts`, `terms`).

use crate::clean::{to_simplified, Cleaned};
use crate::model::{Doc, Sentence};

/// Builds a document (without facts or tokens) from repaired text.
pub fn build(id: &str, file: &str, cleaned: Cleaned) -> Doc {
    let mut sentences = Vec::new();
    let mut offset = 0u32;
    for (p, line) in cleaned.text.split('\n').enumerate() {
        let len = line.chars().count() as u32;
        if !line.trim().is_empty() {
            sentences.push(Sentence {
                id: format!("p{p}.1"),
                section: None,
                paragraph: p as u32,
                start: offset,
                end: offset + len,
                text: line.to_string(),
                norm: to_simplified(line),
                tokens: Vec::new(),
            });
        }
        offset += len + 1;
    }
    Doc {
        id: id.to_string(),
        file: file.to_string(),
        title: cleaned
            .text
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string(),
        script: cleaned.script,
        repairs: cleaned.repairs,
        marks: cleaned.marks,
        text: cleaned.text,
        sentences,
        ..Doc::default()
    }
}
