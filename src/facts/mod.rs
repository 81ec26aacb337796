//! Figures: every quantitative claim in a sentence as a [`Fact`], the canonical
//! indicator catalog, and targets checked against results.
//!
//! Extraction runs natively at bundle-build time; the app reads the facts from the
//! bundle. The sentence grammar is [`mod@extract`], numerals [`number`], units
//! [`units`], time words [`period`], the catalog [`mod@catalog`] (data in
//! `src/data/indicators.toml`), pairing of targets and results [`targets`]. This
//! module reads a whole document: which part of the report each sentence is in
//! (review, plan, glossary) and which years those parts cover.

#[cfg(not(target_arch = "wasm32"))]
pub mod catalog;
#[cfg(not(target_arch = "wasm32"))]
pub mod extract;
pub mod number;
#[cfg(not(target_arch = "wasm32"))]
pub mod period;
#[cfg(not(target_arch = "wasm32"))]
pub mod targets;
pub mod units;

#[cfg(not(target_arch = "wasm32"))]
use crate::model::{Corpus, Doc, Fact, Indicator, SectionKind, TargetCheck};
#[cfg(not(target_arch = "wasm32"))]
use crate::structure::fold::CharSet;
#[cfg(not(target_arch = "wasm32"))]
use catalog::Matcher;
#[cfg(not(target_arch = "wasm32"))]
use extract::{extract_sentence, fold_char, fold_str, Mode, SentenceContext};
#[cfg(not(target_arch = "wasm32"))]
use rustc_hash::FxHashMap as HashMap;

/// The canonical indicator catalog (`src/data/indicators.toml`).
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog() -> Vec<Indicator> {
    catalog::catalog()
}

/// Headings and openings that start the plan part of a report.
#[cfg(not(target_arch = "wasm32"))]
const PLAN_WORDS: &[&str] = &[
    "发展目标",
    "主要任务",
    "工作安排",
    "预期目标",
    "下一阶段",
    "下一步",
    "今后五年",
    "未来五年",
    "工作思路",
    "主要工作",
    "目标任务",
    "工作部署",
    "总体目标",
    "今后一个时期",
];
/// Headings that start the review part.
#[cfg(not(target_arch = "wasm32"))]
const REVIEW_WORDS: &[&str] = &[
    "工作回顾",
    "回顾",
    "过去一年",
    "过去五年",
    "主要成绩",
    "工作总结",
    "一年来",
];
#[cfg(not(target_arch = "wasm32"))]
const GLOSSARY_WORDS: &[&str] = &["名词解释", "附注", "注释"];

#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Body(Mode),
    Glossary,
}

/// What a heading-like text says about the part of the report it opens.
#[cfg(not(target_arch = "wasm32"))]
fn part_named(title: &str) -> Option<Part> {
    let parts = [
        (GLOSSARY_WORDS, Part::Glossary),
        (PLAN_WORDS, Part::Body(Mode::Plan)),
        (REVIEW_WORDS, Part::Body(Mode::Review)),
    ];
    // Most texts read here (every sentence's head) name no part: the set of their
    // folded characters tells without folding them into a string.
    let chars = CharSet::of_chars(title.chars().map(fold_char));
    if !parts
        .iter()
        .any(|(words, _)| words.iter().any(|w| chars.may_contain(w)))
    {
        return None;
    }
    let t = fold_str(title);
    parts
        .into_iter()
        .find(|(words, _)| chars.any_in(&t, words))
        .map(|(_, part)| part)
}

/// A sentence that reads as a heading or opens a new part: short and unfinished,
/// or starting with a part word (报告指出,下一阶段 …).
#[cfg(not(target_arch = "wasm32"))]
fn heading_part(norm: &str) -> Option<Part> {
    let t = norm.trim();
    // At most 40 characters, without counting the rest of a long sentence.
    let short = t.chars().nth(40).is_none() && !t.ends_with('。');
    if short {
        part_named(t)
    } else {
        let head = t.char_indices().nth(12).map_or(t.len(), |(i, _)| i);
        part_named(&t[..head])
    }
}

/// The year `今年` means for a document.
#[cfg(not(target_arch = "wasm32"))]
fn this_year(doc: &Doc) -> Option<i32> {
    doc.dates
        .delivered
        .as_ref()
        .or(doc.dates.published.as_ref())
        .and_then(|d| d.get(..4)?.parse().ok())
        .or_else(|| doc.year())
}

/// The part a section is in: the glossary when it or an ancestor is the glossary,
/// else the nearest of it and its ancestors whose title names a part.
#[cfg(not(target_arch = "wasm32"))]
fn part_of_section(doc: &Doc, id: &str) -> Option<Part> {
    let mut from_sections = None;
    let mut sec = doc.section(id);
    while let Some(x) = sec {
        if x.kind == SectionKind::Glossary {
            return Some(Part::Glossary);
        }
        if from_sections.is_none() {
            from_sections = part_named(&x.title);
        }
        sec = x.parent.as_deref().and_then(|id| doc.section(id));
    }
    from_sections
}

/// Every fact stated in a document's sentences.
#[cfg(not(target_arch = "wasm32"))]
pub fn extract(doc: &Doc, catalog: &[Indicator]) -> Vec<Fact> {
    let mut running = if doc.period_reviewed.is_none() && doc.period_planned.is_some() {
        Part::Body(Mode::Plan)
    } else {
        Part::Body(Mode::Review)
    };
    let this_year = this_year(doc);
    let indicators = Matcher::new(catalog);
    let mut out = Vec::new();
    // What each section says (through its ancestors), read once per section.
    let mut section_part: HashMap<&str, Option<Part>> = HashMap::default();
    for s in &doc.sentences {
        // The section tree, when the structure stage gave one, decides; else the
        // running part set by heading-like sentences.
        let from_sections = match s.section.as_deref() {
            Some(id) => *section_part
                .entry(id)
                .or_insert_with(|| part_of_section(doc, id)),
            None => None,
        };
        if let Some(p) = heading_part(&s.norm) {
            running = p;
        }
        let part = from_sections.unwrap_or(running);
        let Part::Body(mode) = part else { continue };
        let ctx = SentenceContext {
            mode,
            reviewed: doc.period_reviewed,
            planned: doc.period_planned,
            this_year,
            indicators: &indicators,
        };
        let facts = extract_sentence(&s.norm, &ctx);
        if facts.is_empty() {
            continue;
        }
        let chars: Vec<char> = s.norm.chars().collect();
        for f in facts {
            out.push(Fact {
                file: doc.file.clone(),
                doc: doc.id.clone(),
                sentence: s.id.clone(),
                indicator: f.indicator,
                subject: f.subject,
                value: f.value,
                unit: f.unit,
                value_base: f.value_base,
                change_pct: f.change_pct,
                change_pp: f.change_pp,
                qualifier: f.qualifier,
                kind: f.kind,
                period_start: f.period_start,
                period_end: f.period_end,
                period_part: f.period_part,
                quote: chars[f.quote_start..f.quote_end].iter().collect(),
                quote_start: f.quote_start as u32,
                quote_end: f.quote_end as u32,
            });
        }
    }
    out
}

/// Pairs each target with the result for the same district, indicator and year.
#[cfg(not(target_arch = "wasm32"))]
pub fn check_targets(corpus: &Corpus) -> Vec<TargetCheck> {
    targets::check_targets(corpus)
}
