//! What the mojibake decoder recovers, and what it costs: prose paragraphs of
//! clean reports are damaged exactly as `shared/SEEDS.md` describes (GBK-encoded,
//! the first byte lost, pairs decoded out of step, the pairs that decode to
//! nothing dropped), repaired, and compared with what they were. For weighing a
//! change to the decoder's search (beam width, candidates per gap) against the
//! characters it gets back; the seeds' own repair stays pinned by the golden files.
//!
//! Every other paragraph of prose (≥ 12 ideographs, no `?` or `(` of its own, not
//! opening with ASCII) of each document is damaged, in three ways: losing the
//! first byte of its indent (`　`), the first byte after its first `。`, or that
//! `。`'s own first byte (as real pages show: `努力?!睆堄聦` for `努力。”張勇對`). Each
//! document is taken in its own script and converted to the other one (OpenCC),
//! after the seeds' own damage is repaired. Per script and way it prints the
//! paragraphs that come back at their length, the run characters recovered,
//! marked unknown and wrong, and the time `clean::repair` took on the damaged
//! documents.
//!
//! `cargo run --release --example repair_quality [DIR...]` (default: the seeds).
//! Prints figures; asserts nothing.

use baogao::clean::mojibake::{damage, unfold_marks};
use baogao::clean::repair;
use baogao::model::{fold_width, Script, UNKNOWN_CHAR};
use baogao::pipeline;
use baogao::terms::is_ideograph;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Default)]
struct Tally {
    paragraphs: usize,
    same_length: usize,
    run_chars: usize,
    recovered: usize,
    unknown: usize,
    wrong: usize,
    digits: usize,
    digits_lost: usize,
    time: Duration,
}

/// Where a paragraph loses its byte.
#[derive(Clone, Copy, PartialEq)]
enum Way {
    /// The first byte of its indent.
    Indent,
    /// The first byte after its first `。`.
    AfterStop,
    /// The first byte of its first `。`.
    AtStop,
}

/// Damages `text`'s paragraphs the `way` given and tallies the repair.
fn trial(text: &str, way: Way, t: &mut Tally) {
    let mid_line = way != Way::Indent;
    let lines: Vec<&str> = text.lines().collect();
    let mut damaged = Vec::new();
    // Prose paragraphs seen: every other one is damaged.
    let mut seen = 0;
    let doc: Vec<String> = (lines.iter().enumerate())
        .map(|(i, line)| {
            let body = line.trim_start();
            let prose = body.chars().filter(|&c| is_ideograph(c)).count() >= 12
                && !body.contains(['?', '(', '（', UNKNOWN_CHAR])
                && !body.starts_with(|c: char| c.is_ascii());
            seen += usize::from(prose);
            let cut = match mid_line {
                false => Some(0),
                true => body.find('。').map(|k| k + '。'.len_utf8()).filter(|&k| {
                    (body[k..].chars().take(8))
                        .filter(|&c| is_ideograph(c))
                        .count()
                        == 8
                }),
            }
            .map(|k| match way {
                Way::AtStop => k - '。'.len_utf8(),
                _ => k,
            });
            match cut {
                Some(k) if prose && seen % 2 == 1 => {
                    let (kept, gone) = body.split_at(k);
                    let indent = if mid_line { "" } else { "\u{3000}" };
                    let want: String = format!("{}{body}", if mid_line { "" } else { " " })
                        .chars()
                        .map(fold_width)
                        .collect();
                    let hurt = format!(
                        "{kept}{}",
                        damage(&format!("{indent}{}", unfold_marks(gone)))
                    );
                    damaged.push((i, want, hurt.clone()));
                    hurt
                }
                _ => line.to_string(),
            }
        })
        .collect();
    let start = Instant::now();
    let out = repair(&doc.join("\n"));
    t.time += start.elapsed();
    let got: Vec<&str> = out.text.lines().collect();
    for (i, want, hurt) in damaged {
        t.paragraphs += 1;
        let Some(got) = got.get(i) else { continue };
        let head = (hurt.chars().zip(want.chars()))
            .take_while(|(d, w)| d == w)
            .count();
        let tail = (hurt.chars().rev().zip(want.chars().rev()))
            .take_while(|(d, w)| d == w)
            .count();
        let run = want.chars().count().saturating_sub(head + tail);
        t.run_chars += run;
        let (got, want): (Vec<char>, Vec<char>) = (got.chars().collect(), want.chars().collect());
        if got.len() == want.len() {
            t.same_length += 1;
        }
        // Characters the repair got right: those of the longest common
        // subsequence, less the ones the damage left standing.
        let common = lcs(&got, &want).saturating_sub(head + tail);
        let unknown = got.iter().filter(|&&c| c == UNKNOWN_CHAR).count();
        t.recovered += common;
        t.unknown += unknown;
        t.wrong += got.len().saturating_sub(head + tail + common + unknown);
        // Figures: the digits of the original, and of them those kept in order.
        let digits =
            |s: &[char]| -> Vec<char> { s.iter().copied().filter(char::is_ascii_digit).collect() };
        let (dg, dw) = (digits(&got), digits(&want));
        t.digits += dw.len();
        t.digits_lost += dw.len() - lcs(&dg, &dw);
    }
}

/// The length of the longest common subsequence of `a` and `b`.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

fn main() {
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    }
    let s2t = OpenCC::from_config(BuiltinConfig::S2t).expect("OpenCC s2t");
    let t2s = OpenCC::from_config(BuiltinConfig::T2s).expect("OpenCC t2s");
    // Per target script, per way of damage.
    let mut tallies: [[Tally; 3]; 2] = Default::default();
    let mut files = 0;
    for dir in &dirs {
        let paths =
            pipeline::report_files(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for path in paths {
            let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let Ok(text) = pipeline::decode(&raw) else {
                continue;
            };
            let clean = repair(&text);
            files += 1;
            let (simplified, traditional) = match clean.script {
                Script::Traditional => (t2s.convert(&clean.text), clean.text.clone()),
                _ => (clean.text.clone(), s2t.convert(&clean.text)),
            };
            for (s, text) in [simplified, traditional].iter().enumerate() {
                for (w, way) in [Way::Indent, Way::AfterStop, Way::AtStop]
                    .into_iter()
                    .enumerate()
                {
                    trial(text, way, &mut tallies[s][w]);
                }
            }
        }
    }
    println!("repair of synthetic damage on {files} documents");
    println!(
        "{:<30} {:>6} {:>8} {:>6} {:>7} {:>7} {:>6} {:>12} {:>8}",
        "script, damage",
        "paras",
        "length",
        "chars",
        "right",
        "unknown",
        "wrong",
        "digits lost",
        "ms"
    );
    for (s, script) in ["simplified", "traditional"].iter().enumerate() {
        for (w, way) in ["paragraph start", "after a 。", "at a 。"]
            .iter()
            .enumerate()
        {
            let t = &tallies[s][w];
            let pct = |n: usize| n as f64 * 100.0 / t.run_chars.max(1) as f64;
            println!(
                "{:<30} {:>6} {:>8} {:>6} {:>6.1}% {:>6.1}% {:>5.1}% {:>12} {:>8.1}",
                format!("{script}, {way}"),
                t.paragraphs,
                t.same_length,
                t.run_chars,
                pct(t.recovered),
                pct(t.unknown),
                pct(t.wrong),
                format!("{}/{}", t.digits_lost, t.digits),
                t.time.as_secs_f64() * 1e3
            );
        }
    }
}
