//! Golden files of every seed after the whole pipeline: the cleaned display text and a compact outline, reviewed in diffs.
//!
//! For each seed `tests/golden/<id>.txt` holds `Doc::text` and
//! `tests/golden/<id>.outline.txt` the metadata, the repair counts and the
//! sections (`id level label title`). A change to cleaning or structure that
//! changes them fails this test with the first differing lines.
//!
//! To accept the new output, regenerate and review the diff:
//!
//! ```text
//! BAOGAO_UPDATE_GOLDEN=1 cargo test --test golden
//! git diff tests/golden
//! ```

mod common;

use baogao::model::{Doc, Period};
use std::fmt::Write;
use std::path::PathBuf;

/// How many differing lines a failure shows per file.
const SHOWN: usize = 5;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn period(p: Option<Period>) -> String {
    p.map_or("-".into(), |p| format!("{}–{}", p.start, p.end))
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

/// The outline file: one `key: value` per metadata field, then one line per section.
fn outline(d: &Doc) -> String {
    let mut o = String::new();
    let r = &d.repairs;
    let speaker = d.speaker.as_ref().map_or("-".into(), |s| match &s.role {
        Some(role) => format!("{} ({role})", s.name),
        None => s.name.clone(),
    });
    let _ = writeln!(o, "id: {}", d.id);
    let _ = writeln!(o, "title: {}", d.title);
    let _ = writeln!(o, "district: {}", opt(&d.district));
    let _ = writeln!(o, "kind: {}", d.kind.id());
    let _ = writeln!(o, "published: {}", opt(&d.dates.published));
    let _ = writeln!(o, "delivered: {}", opt(&d.dates.delivered));
    let _ = writeln!(o, "period_reviewed: {}", period(d.period_reviewed));
    let _ = writeln!(o, "period_planned: {}", period(d.period_planned));
    let _ = writeln!(o, "speaker: {speaker}");
    let _ = writeln!(o, "meeting: {}", opt(&d.meeting));
    let _ = writeln!(o, "script: {}", d.script.as_str());
    let _ = writeln!(
        o,
        "repairs: pinyin_removed {} mojibake_runs {} chars_recovered {} chars_unknown {}",
        r.pinyin_removed, r.mojibake_runs, r.chars_recovered, r.chars_unknown
    );
    let _ = writeln!(
        o,
        "counts: {} sections, {} glossary entries, {} sentences, {} marks",
        d.sections.len(),
        d.glossary.len(),
        d.sentences.len(),
        d.marks.len()
    );
    let _ = writeln!(o, "sections:");
    for s in &d.sections {
        let _ = writeln!(o, "{} {} {} {}", s.id, s.level, s.label, s.title);
    }
    o
}

/// The first differing lines of two texts, numbered, or `None` when equal.
fn diff(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            let _ = writeln!(out, "  line {}:", i + 1);
            let _ = writeln!(out, "    - {}", x.copied().unwrap_or("<no line>"));
            let _ = writeln!(out, "    + {}", y.copied().unwrap_or("<no line>"));
            shown += 1;
            if shown == SHOWN {
                let _ = writeln!(out, "  …");
                break;
            }
        }
    }
    if shown == 0 {
        out.push_str("  (line endings or a final newline differ)\n");
    }
    Some(out)
}

#[test]
fn seeds_match_their_golden_files() {
    let update = std::env::var_os("BAOGAO_UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let (docs, failures) = baogao::pipeline::load(&common::seed_paths());
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(docs.len(), 5);
    let dir = golden_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut report = String::new();
    for d in &docs {
        for (name, actual) in [
            (format!("{}.txt", d.id), d.text.clone()),
            (format!("{}.outline.txt", d.id), outline(d)),
        ] {
            let path = dir.join(&name);
            if update {
                std::fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if let Some(d) = diff(&expected, &actual) {
                let _ = write!(
                    report,
                    "tests/golden/{name} differs (- golden, + now):\n{d}"
                );
            }
        }
    }
    assert!(
        report.is_empty(),
        "{report}\nIf the change is intended: BAOGAO_UPDATE_GOLDEN=1 cargo test --test golden, then review git diff tests/golden"
    );
}
