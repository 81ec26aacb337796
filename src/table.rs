//! The tables the views show, one row type per view, built from a selection — and
//! their CSV. What a reader sees under a chart is exactly what the CSV holds, so
//! both come from here; the app only renders rows.

use crate::export::{to_csv, Cell};
use crate::model::{Corpus, Doc, Fact, Sentence};
use crate::query::{FactRef, Selection, SentenceRef};

/// Provenance columns every exported row starts with.
pub const PROVENANCE: [&str; 5] = ["document", "district", "year", "section", "sentence"];

fn provenance(doc: &Doc, sentence: Option<&Sentence>) -> Vec<Cell> {
    let section = sentence
        .and_then(|s| s.section.as_deref())
        .and_then(|id| doc.section(id))
        .map(|s| format!("{} {}{}", s.id, s.label, s.title))
        .unwrap_or_default();
    vec![
        Cell::from(doc.id.as_str()),
        Cell::from(doc.district.clone().unwrap_or_default()),
        Cell::from(doc.year()),
        Cell::from(section),
        Cell::from(sentence.map(|s| s.id.clone()).unwrap_or_default()),
    ]
}

/// The columns of a figures table after the provenance columns.
pub const FIGURE_COLUMNS: [&str; 13] = [
    "indicator",
    "subject",
    "value",
    "unit",
    "value_base",
    "change_pct",
    "change_pp",
    "qualifier",
    "kind",
    "period_start",
    "period_end",
    "period_part",
    "quote",
];

/// Facts of the selection, optionally of one indicator, in corpus order.
pub fn figures<'a>(
    corpus: &'a Corpus,
    sel: &Selection,
    indicator: Option<&str>,
) -> Vec<(FactRef, &'a Fact)> {
    sel.facts
        .iter()
        .map(|r| (*r, &corpus.docs[r.doc as usize].facts[r.fact as usize]))
        .filter(|(_, f)| indicator.is_none_or(|i| f.indicator.as_deref() == Some(i)))
        .collect()
}

fn opt(s: &Option<String>) -> Cell {
    Cell::from(s.clone().unwrap_or_default())
}

/// A fact's cells in [`FIGURE_COLUMNS`] order: the one place a figure becomes
/// CSV, for the app's tables and `baogao facts --csv` alike.
pub fn figure_cells(f: &Fact) -> Vec<Cell> {
    vec![
        opt(&f.indicator),
        Cell::from(f.subject.as_str()),
        Cell::from(f.value),
        opt(&f.unit),
        Cell::from(f.value_base),
        Cell::from(f.change_pct),
        Cell::from(f.change_pp),
        opt(&f.qualifier),
        Cell::from(f.kind.as_str()),
        Cell::from(f.period_start),
        Cell::from(f.period_end),
        opt(&f.period_part),
        Cell::from(f.quote.as_str()),
    ]
}

/// CSV of figure rows.
pub fn figures_csv(corpus: &Corpus, rows: &[(FactRef, &Fact)]) -> String {
    let header: Vec<&str> = PROVENANCE
        .iter()
        .chain(FIGURE_COLUMNS.iter())
        .copied()
        .collect();
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|(r, f)| {
            let doc = &corpus.docs[r.doc as usize];
            let mut row = provenance(doc, doc.sentence(&f.sentence));
            row.extend(figure_cells(f));
            row
        })
        .collect();
    to_csv(&header, &rows)
}

/// CSV of sentences (the reader's rows).
pub fn sentences_csv(corpus: &Corpus, rows: &[SentenceRef], simplified: bool) -> String {
    let header: Vec<&str> = PROVENANCE.iter().chain(["text"].iter()).copied().collect();
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let doc = &corpus.docs[r.doc as usize];
            let s = &doc.sentences[r.sentence as usize];
            let mut row = provenance(doc, Some(s));
            row.push(Cell::from(if simplified {
                s.norm.as_str()
            } else {
                s.text.as_str()
            }));
            row
        })
        .collect();
    to_csv(&header, &rows)
}

/// CSV of rows that carry their own provenance: a sentence reference plus cells.
pub fn rows_csv(
    corpus: &Corpus,
    columns: &[&str],
    rows: Vec<(Option<SentenceRef>, u32, Vec<Cell>)>,
) -> String {
    let header: Vec<&str> = PROVENANCE.iter().chain(columns.iter()).copied().collect();
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|(r, doc, cells)| {
            let d = &corpus.docs[doc as usize];
            let mut row = provenance(d, r.map(|r| &d.sentences[r.sentence as usize]));
            row.extend(cells);
            row
        })
        .collect();
    to_csv(&header, &rows)
}
