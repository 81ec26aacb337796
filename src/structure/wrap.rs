//! A copy pulled from a PDF (or any text set in a fixed measure) breaks every
//! line at the page's width, mid-sentence and mid-number (`贡献了全国24.` /
//! `1%的增量`). Its lines are joined back into the paragraphs they were set from.
//!
//! The measure is read from the lines themselves: when most of a document's
//! lines end within a character or two of one width and hardly any run past it,
//! that width is the page's. A line that reaches it goes on on the next, unless
//! the next starts a heading (`(二)…`) or, where the copy indents its paragraphs,
//! is indented. A paragraph whose last line happens to fill the measure runs on
//! into the next where the copy does not indent: its sentences are still split
//! at their marks. A page-number line between two pages was dropped as
//! furniture before, so a paragraph broken by a page break is joined too.
//!
//! Web pages set one paragraph per line: their lines' widths scatter, and none
//! of this applies.

use super::sections;
use crate::clean::pdf::half_ems;

/// A line as the copy set it: its width in ems (from
/// [`crate::clean::pdf::half_ems`]), leading whitespace included, and whether it
/// is indented.
#[derive(Clone, Copy, Debug)]
pub(super) struct Shape {
    pub width: f32,
    pub indented: bool,
}

impl Shape {
    /// The shape of an untrimmed line, its width as set (in half-ems) when
    /// known, else measured. A form feed (where `pdftotext` starts a page) is no
    /// indent.
    pub fn of(line: &str, set: Option<u32>) -> Shape {
        let line = line.trim_start_matches('\u{c}').trim_end();
        let half_ems = set.unwrap_or_else(|| half_ems(line));
        Shape {
            width: half_ems as f32 / 2.0,
            indented: line.starts_with(char::is_whitespace),
        }
    }
}

/// How far short of the measure a line may end and still be full: a number or a
/// Latin word that does not fit moves whole to the next line, and a closing mark
/// may not start one, so the character before it moves too.
const SHORT: f32 = 4.0;
/// How far past the measure a full line may run: a closing mark hung at its end.
const HUNG: f32 = 1.0;
/// The widest Latin word or number (in ems) read as moved whole to the next
/// line: twenty-four letters.
const MOVED_WORD: f32 = 12.0;
/// The narrowest measure read as a page's: a printed page sets more than twenty
/// characters a line, and lists and tables of short lines are no page.
const LEAST_MEASURE: f32 = 16.0;
/// The fewest full lines that show a measure.
const LEAST_FULL: usize = 8;

/// The page's measure (in ems) of a copy whose lines were broken at one, when
/// its lines show one: at least half of the lines wider than a short heading
/// end within [`SHORT`] of it, and at most one in thirty runs past it.
pub(super) fn measure(shapes: &[Shape]) -> Option<f32> {
    let mut widths: Vec<f32> = shapes
        .iter()
        .map(|s| s.width)
        .filter(|&w| w >= 8.0)
        .collect();
    if widths.len() < LEAST_FULL {
        return None;
    }
    widths.sort_by(|a, b| b.total_cmp(a));
    let n = widths.len();
    // Widest first: a candidate measure is some line's width; the lines past it
    // (beyond a hung mark) are those before its band in this order.
    let mut best: Option<(usize, f32)> = None;
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 && widths[i - 1] == w {
            continue;
        }
        if w < LEAST_MEASURE {
            break;
        }
        // Narrower candidates only have more lines past them.
        let past = widths.iter().take_while(|&&x| x > w + HUNG).count();
        if past * 30 > n {
            break;
        }
        let full = widths[past..]
            .iter()
            .take_while(|&&x| x >= w - SHORT)
            .count();
        if best.is_none_or(|(f, _)| full > f) {
            best = Some((full, w));
        }
    }
    let (full, w) = best?;
    (full >= LEAST_FULL && full * 2 >= n).then_some(w)
}

/// Per line (`lines`, trimmed), whether it fills the measure of a copy set in
/// one ([`measure`]); none does when the copy shows no measure, or when many of
/// the lines after full ones start with a label (`1、` `(二)`): a list whose
/// items are of a length, one a line, not a page's broken paragraphs.
pub(super) fn fills(shapes: &[Shape], lines: &[&str]) -> Vec<bool> {
    let none = vec![false; shapes.len()];
    let Some(m) = measure(shapes) else {
        return none;
    };
    // A line further short is full still when the Latin word or number the
    // next starts with would not have fitted on it (`…博览会(China` /
    // `International Import…`).
    // (A word, not a run wider than a line's room, as an address; after a line
    // of text, not a heading.)
    let full: Vec<bool> = (shapes.iter().enumerate())
        .map(|(i, s)| {
            let moved = lines.get(i + 1).map_or(0.0, |next| leading_word(next));
            let word = moved > 0.0 && moved <= MOVED_WORD.min(m - SHORT);
            s.width >= m - SHORT
                || word && s.width + moved > m && sections::label(lines[i]).is_none()
        })
        .collect();
    let after: Vec<usize> = (1..lines.len()).filter(|&i| full[i - 1]).collect();
    let items = after
        .iter()
        .filter(|&&i| sections::label(lines[i]).is_some());
    match items.count() * 4 > after.len() {
        true => none,
        false => full,
    }
}

/// The width in ems of the Latin word or number `line` starts with (letters,
/// figures and the marks inside them: `International`, `24.5%`), 0 for none.
fn leading_word(line: &str) -> f32 {
    let word = line
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || ".%-/".contains(*c))
        .count();
    word as f32 / 2.0
}

/// Whether `line` ends a sentence or a clause a heading may follow (`…如下:`),
/// a closing quotation mark or bracket after its mark too (`…要做好。”`).
fn ends_clause(line: &str) -> bool {
    line.trim_end_matches(['”', '’', '）', ')', '」', '』'])
        .ends_with(['。', '!', '?', ':', ';', '！', '？', '：', '；'])
}

/// For each line but the last, whether it goes on on the next: it fills the
/// measure (`full`, from [`fills`]), and the next neither starts a heading nor
/// (where the copy indents its paragraphs) is indented. A label opening a line
/// after one that breaks off mid-sentence is no heading (`建成859个和3019个` /
/// `一、二类监控点`).
pub(super) fn goes_on(lines: &[&str], shapes: &[Shape], full: &[bool]) -> Vec<bool> {
    // The copy indents its paragraphs when a good share of the lines that
    // start anew (after one short of the measure) are indented; headings too
    // start so, unindented.
    let starts = || (1..shapes.len()).filter(|&i| !full[i - 1]);
    let indented = starts().filter(|&i| shapes[i].indented).count();
    let indents = indented > 0 && indented * 3 >= starts().count();
    (0..lines.len().saturating_sub(1))
        .map(|i| {
            full[i]
                && !(indents && shapes[i + 1].indented)
                && !(ends_clause(lines[i]) && sections::label(lines[i + 1]).is_some())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(lines: &[&str]) -> Vec<Shape> {
        lines.iter().map(|l| Shape::of(l, None)).collect()
    }

    #[test]
    fn a_width_counts_ascii_half_and_the_indent() {
        let s = Shape::of("　　增长24.1%,", None);
        assert_eq!(s.width, 2.0 + 2.0 + 2.5 + 1.0);
        assert!(s.indented);
        assert!(!Shape::of("增长", None).indented);
        assert!(!Shape::of("\u{c}增长", None).indented);
    }

    /// Lines set in a measure of 20 ems: `n` paragraphs of three full lines and
    /// a short last one, indented or not.
    fn page(n: usize, indent: bool) -> Vec<String> {
        let full = "经济运行稳中有进地区生产总值增长百分之五点二";
        let mut lines = Vec::new();
        for k in 0..n {
            let first: String = full.chars().take(if indent { 18 } else { 20 }).collect();
            lines.push(if indent {
                format!("　　{first}")
            } else {
                first
            });
            lines.push(full.chars().take(20).collect());
            // A figure moved whole to the next line leaves one short by two.
            lines.push(format!(
                "{}增长",
                &full.chars().take(17).collect::<String>()
            ));
            lines.push(format!("12.5%。第{k}段完。"));
        }
        lines
    }

    #[test]
    fn a_copy_set_in_a_measure_shows_it() {
        for indent in [true, false] {
            let lines = page(4, indent);
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            let s = shapes(&refs);
            assert_eq!(measure(&s), Some(20.0), "indent {indent}");
            let on = goes_on(&refs, &s, &fills(&s, &refs));
            // Three lines go on, the fourth ends the paragraph.
            assert_eq!(&on[..4], &[true, true, true, false]);
        }
    }

    #[test]
    fn a_web_page_s_paragraphs_show_no_measure() {
        let lines: Vec<String> = (1..=30)
            .map(|k| "各项工作取得新进展。".repeat(k % 7 + 1) + &"一".repeat(k))
            .collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(measure(&shapes(&refs)), None);
        // Nor do a few lines, or a list of short ones.
        assert_eq!(measure(&shapes(&refs[..5])), None);
        let list = vec!["一、推进产业转型升级"; 20];
        assert_eq!(measure(&shapes(&list)), None);
        // Nor a list of items of a length, one a line.
        let items: Vec<String> = (1..=10)
            .map(|k| {
                format!(
                    "{k}、推进城市更新行动改善人居环境质量{}",
                    "好".repeat(k % 2)
                )
            })
            .collect();
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        assert!(!fills(&shapes(&refs), &refs).contains(&true));
    }

    #[test]
    fn a_heading_or_an_indented_line_starts_a_paragraph() {
        let mut lines = page(3, true);
        // A heading after a full line that ends a sentence; a paragraph whose
        // last line fills the measure, before an indented one.
        lines[1] = "经济运行稳中有进地区生产总值增长五点二。".to_string();
        lines.insert(2, "(二)推进高质量发展".to_string());
        lines[4] = lines[1].clone();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let s = shapes(&refs);
        assert!(measure(&s).is_some());
        let on = goes_on(&refs, &s, &fills(&s, &refs));
        assert!(on[0], "a full line goes on");
        assert!(!on[1], "the full line before the heading");
        assert!(!on[2], "the heading itself is short");
        assert!(!on[4], "the full line before an indented one");
        assert!(ends_clause("全面完成年度目标任务,要做好。”"));
        // A label after a line broken off mid-sentence is none.
        let mut lines = page(3, true);
        lines.insert(2, "一、二类监控点全部联网".to_string());
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let s = shapes(&refs);
        assert!(goes_on(&refs, &s, &fills(&s, &refs))[1]);
    }
}
