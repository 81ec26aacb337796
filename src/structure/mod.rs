//! From repaired text to a [`Doc`]: page furniture out, metadata in, the section
//! tree, the glossary, paragraphs and sentences.
//!
//! Owns lines and their meaning; character repair happened before (`clean`),
//! figures and tokens come after (`facts`, `terms`).
//!
//! The display text (`Doc.text`) is the report's lines without furniture, each
//! trimmed of surrounding whitespace and cut of a newspaper's jump marks
//! (`(下转05版)`), joined by `\n`, blank lines dropped; the repaired characters
//! are kept exactly. A paragraph is one such line.
//!
//! Ids, stable for the same input:
//! - sections `s1`, `s1.2`, `s1.2.3` (see the `sections` module); the glossary is a
//!   top-level section;
//! - sentences `p12.3`: third sentence of the twelfth paragraph (both from 1).
//!   A heading line is a paragraph of its own when it stands alone; a heading
//!   that opens a paragraph (`(一)促升级。…`) is that paragraph's first sentence.

mod catalog;
pub(crate) mod fold;
mod furniture;
mod meta;
mod sections;
mod sentences;
mod t2s;
mod wrap;

pub use catalog::{apply_catalog, CatalogError};
pub use furniture::PageHeader;
pub use meta::DISTRICTS;

/// The first date `s` states, as ISO (`2026-01-31`, `2026-01` when it names no
/// day): the reading metadata gives dates.
pub fn iso_date(s: &str) -> Option<String> {
    meta::first_date(s).map(|(_, d)| d.iso())
}

use crate::clean::Cleaned;
use crate::model::{Dates, Doc, Mark, Sentence};
use furniture::Drop;
use std::borrow::Cow;
use t2s::to_simplified;

/// A stretch of a kept line: where it was in the cleaned text and where it is in
/// `Doc.text` (character offsets), and its length in characters. A line is one
/// stretch, or several when jump marks were cut out of it.
struct Placed {
    src: u32,
    dst: u32,
    len: u32,
}

/// The page header of a cleaned text (publication date and source office), for
/// callers that want the source office, which [`Doc`] has no field for.
pub fn page_header(text: &str) -> PageHeader {
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    furniture::classify(&lines).1
}

/// Builds a document (without facts or tokens) from repaired text.
pub fn build(id: &str, file: &str, cleaned: Cleaned) -> Doc {
    // Lines of the cleaned text, trimmed, with their character offsets.
    let mut raw: Vec<(u32, &str)> = Vec::new();
    // And how each was set (for a PDF copy's broken lines).
    let mut shapes: Vec<wrap::Shape> = Vec::new();
    let mut offset = 0u32;
    for (i, line) in cleaned.text.split('\n').enumerate() {
        let lead = line.chars().take_while(|c| c.is_whitespace()).count() as u32;
        raw.push((offset + lead, line.trim()));
        shapes.push(wrap::Shape::of(line, cleaned.set_widths.get(i).copied()));
        offset += line.chars().count() as u32 + 1;
    }
    let texts: Vec<&str> = raw.iter().map(|&(_, l)| l).collect();
    // Every line folded once for recognition, read by furniture, outline and metadata.
    let mut folded: Vec<String> = texts.iter().map(|l| fold::fold(l)).collect();
    // Lines that fill a PDF copy's measure: parts of paragraphs, however short.
    let full = wrap::fills(&shapes, &texts);
    let (verdict, mut header) = furniture::classify_folded(&texts, &folded, &full);
    let mut kept: Vec<(u32, &str)> = Vec::new();
    let mut kept_folded: Vec<String> = Vec::new();
    let mut kept_shapes: Vec<(wrap::Shape, bool)> = Vec::new();
    for (i, ((&r, v), f)) in raw.iter().zip(&verdict).zip(&mut folded).enumerate() {
        if *v == Drop::Keep && !r.1.is_empty() {
            kept.push(r);
            kept_folded.push(std::mem::take(f));
            kept_shapes.push((shapes[i], full[i]));
        }
    }
    // A site-name line above the title is the page's header, not the report's
    // (a news headline may read as prose, but no sentence ends in it).
    let headline = |l: &str| l.chars().count() <= 50 && !l.contains(['。', ';', '；']);
    let mut site_lines = 0;
    while kept.len() - site_lines > 1
        && furniture::is_site_name(kept[site_lines].1)
        && (!furniture::is_prose(kept[site_lines + 1].1) || headline(kept[site_lines + 1].1))
    {
        site_lines += 1;
    }
    kept.drain(..site_lines);
    kept_shapes.drain(..site_lines);
    let site: Vec<String> = kept_folded.drain(..site_lines).collect();
    header.site = (!site.is_empty()).then(|| site.join("\n"));

    // Each kept line without its newspaper jump marks, as the stretches of the
    // cleaned text it is made of; a line of jump marks only is dropped.
    let mut cut_lines: Vec<(Cow<str>, Parts)> = Vec::with_capacity(kept.len());
    let mut cut_folded = Vec::with_capacity(kept.len());
    let mut cut_shapes = Vec::with_capacity(kept.len());
    let junk = furniture::line_end_junk(kept.iter().map(|&(_, l)| l));
    for ((&(src, line), f), shape) in kept.iter().zip(kept_folded).zip(kept_shapes) {
        let (text, parts) = without_jump_marks(src, line, junk.as_deref());
        if text.is_empty() {
            continue;
        }
        cut_shapes.push(shape);
        cut_folded.push(match text {
            Cow::Borrowed(_) => f,
            Cow::Owned(ref t) => fold::fold(t),
        });
        cut_lines.push((text, parts));
    }
    // A copy set in a page's measure: its broken lines joined into paragraphs.
    let (cut_lines, cut_folded) = join_wrapped(cut_lines, cut_folded, cut_shapes);
    // A copy that lost its line breaks: its headings start paragraphs again.
    let (cut_lines, kept_folded) = split_run_on(cut_lines, cut_folded);
    // A page's sub- and superscripts broken onto lines of their own, mended.
    let (cut_lines, kept_folded) = rejoin_scripts(cut_lines, kept_folded);

    let mut text = String::with_capacity(cleaned.text.len());
    let mut placed = Vec::with_capacity(cut_lines.len());
    let mut lines: Vec<(u32, &str)> = Vec::with_capacity(cut_lines.len());
    let mut dst = 0u32;
    for (i, (line, parts)) in cut_lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
            dst += 1;
        }
        text.push_str(line);
        lines.push((dst, line));
        for &(src, len) in parts {
            placed.push(Placed { src, dst, len });
            dst += len;
        }
    }
    let marks = remap_marks(&cleaned.marks, &placed);

    // The head (where the report starts), the outline from there, then the
    // metadata (which reads the outline's headings).
    let line_texts: Vec<&str> = lines.iter().map(|&(_, l)| l).collect();
    let head = meta::read_head(&line_texts, &kept_folded);
    let outline = sections::outline(&lines, &kept_folded, head.report_start());
    let meta = meta::infer(&line_texts, &kept_folded, &header, &head, &outline.sections);

    let mut sentences = Vec::new();
    for (p, (&(start, line), sec)) in lines.iter().zip(&outline.line_section).enumerate() {
        let chars: Vec<char> = line.chars().collect();
        // Byte offsets of sentence bounds, walking forward: sentences come in order.
        let mut walked = (0, 0);
        let mut byte_at = |i: usize| {
            while walked.0 < i {
                walked.1 += chars[walked.0].len_utf8();
                walked.0 += 1;
            }
            walked.1
        };
        for (k, (a, b)) in sentences::split(&chars).into_iter().enumerate() {
            let s = line[byte_at(a)..byte_at(b)].to_string();
            sentences.push(Sentence {
                id: sentence_id(p + 1, k + 1),
                section: sec.map(|i| outline.sections[i].id.clone()),
                paragraph: p as u32 + 1,
                start: start + a as u32,
                end: start + b as u32,
                norm: to_simplified(&s),
                text: s,
                tokens: Vec::new(),
            });
        }
    }

    Doc {
        id: id.to_string(),
        file: file.to_string(),
        title: meta.title,
        district: meta.district,
        kind: meta.kind,
        dates: Dates {
            published: meta.published.map(|d| d.iso()),
            delivered: meta.delivered.map(|d| d.iso()),
        },
        period_reviewed: meta.reviewed,
        period_planned: meta.planned,
        speaker: meta.speaker,
        meeting: meta.meeting,
        source_url: None,
        script: cleaned.script,
        repairs: cleaned.repairs,
        text,
        marks,
        sections: outline.sections,
        glossary: outline.glossary,
        sentences,
        facts: Vec::new(),
    }
}

/// A sentence's id, `p{paragraph}.{k}`, its digits written out directly: one
/// is made per sentence, and `format!`'s machinery and growing cost several
/// times the writing.
fn sentence_id(paragraph: usize, k: usize) -> String {
    fn push_decimal(s: &mut String, n: usize) {
        if n >= 10 {
            push_decimal(s, n / 10);
        }
        s.push(char::from(b'0' + (n % 10) as u8));
    }
    let mut id = String::with_capacity(12);
    id.push('p');
    push_decimal(&mut id, paragraph);
    id.push('.');
    push_decimal(&mut id, k);
    id
}

/// The stretches of the cleaned text a display line is made of: (offset, length
/// in characters), in order.
type Parts = Vec<(u32, u32)>;

/// The least length of a line read as a run-on copy's: several paragraphs.
const RUN_ON_CHARS: usize = 300;

/// Where a run-on line (a copy that lost its line breaks) starts new
/// paragraphs, as character indices: at a part's or item's label right after a
/// sentence's end (`…预期目标。(二)…`), and after a part's name run on into its
/// text (`一、过去五年工作回顾本届政府…`). A list's points (`1.`, `①`) stay
/// inline, as prose sets them too.
fn run_on_breaks(line: &str) -> Vec<usize> {
    // (A line has at least as many bytes as characters.)
    if line.len() < RUN_ON_CHARS {
        return Vec::new();
    }
    if line.chars().count() < RUN_ON_CHARS {
        return Vec::new();
    }
    let mut breaks = Vec::new();
    // Each character with its index and byte offset, and whether a sentence
    // ends right before it (not at `:` or `;`: a paragraph lists items so).
    let mut after_end = true;
    for (i, (b, c)) in line.char_indices().enumerate() {
        let here = after_end;
        after_end = matches!(c, '。' | '!' | '?' | '！' | '？');
        if !here {
            continue;
        }
        let rest = &line[b..];
        let Some(l) = sections::label(rest).filter(sections::numbers_a_part) else {
            continue;
        };
        // `一、二季度`, `二、三产业`, `一、二、三等奖`: numerals, no label.
        let mut after = rest[l.len..].chars();
        let numerals = l.text.ends_with('、')
            && after.next().is_some_and(fold::is_zh_numeral)
            && after
                .next()
                .is_some_and(|c| matches!(c, '季' | '产' | '、' | '类' | '级' | '等'));
        if numerals {
            continue;
        }
        if i > 0 {
            breaks.push(i);
        }
        let name_end = sections::part_name_end(&rest[l.len..]);
        if let Some(e) = name_end.filter(|_| sections::names_a_part(&l)) {
            let at = b + l.len + e;
            let next = line[at..].chars().next();
            if next.is_some_and(|c| !"。,;:!?、，；：！？)”".contains(c)) {
                breaks.push(i + line[b..at].chars().count());
            }
        }
    }
    breaks
}

/// The lines with each run-on line split at its [`run_on_breaks`], and their
/// folded forms.
fn split_run_on<'a>(
    lines: Vec<(Cow<'a, str>, Parts)>,
    folded: Vec<String>,
) -> (Vec<(Cow<'a, str>, Parts)>, Vec<String>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut out_folded = Vec::with_capacity(folded.len());
    for ((text, parts), f) in lines.into_iter().zip(folded) {
        let breaks = run_on_breaks(&text);
        if breaks.is_empty() {
            out.push((text, parts));
            out_folded.push(f);
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut bounds = vec![0];
        bounds.extend(breaks);
        bounds.push(chars.len());
        for w in bounds.windows(2) {
            let piece: String = chars[w[0]..w[1]].iter().collect();
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            // Its characters' offsets, trimmed as the piece is.
            let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
            let from = w[0] + lead;
            let to = from + trimmed.chars().count();
            out_folded.push(fold::fold(trimmed));
            out.push((
                Cow::Owned(trimmed.to_string()),
                slice_parts(&parts, from, to),
            ));
        }
    }
    (out, out_folded)
}

/// The lines with those a PDF copy broke at its page's measure joined into the
/// paragraphs they were set from ([`wrap::goes_on`]), and their folded forms.
/// `shapes` has each line's shape and whether it fills the measure.
fn join_wrapped<'a>(
    lines: Vec<(Cow<'a, str>, Parts)>,
    folded: Vec<String>,
    shapes: Vec<(wrap::Shape, bool)>,
) -> (Vec<(Cow<'a, str>, Parts)>, Vec<String>) {
    let (shapes, full): (Vec<wrap::Shape>, Vec<bool>) = shapes.into_iter().unzip();
    let texts: Vec<&str> = lines.iter().map(|(t, _)| t.as_ref()).collect();
    let mut on = match full.contains(&true) {
        true => wrap::goes_on(&texts, &shapes, &full),
        false => vec![false; texts.len().saturating_sub(1)],
    };
    // No paragraph ends with a comma or the particle 的: a page that sets each
    // phrase of its lead on a line of its own (`2月28日,` / `历时四天的` /
    // `…代表大会,`) goes on (into a line that starts no heading; not a number's
    // comma, `1,`, nor an English salutation's).
    for i in 0..on.len() {
        let mut end = texts[i].trim_end().chars().rev();
        let last = end.next();
        let comma = matches!(last, Some(',' | '，')) && end.next().is_some_and(|c| !c.is_ascii());
        // Not a salutation (`各位代表,`); into a line that goes on itself or
        // has marks, not a heading's (`2021年主要预期目标`).
        let line = texts[i].trim();
        let salutes = line.chars().count() <= 10 && contains_salutation(line);
        let next = texts[i + 1].trim_end();
        let next_on = next.ends_with([',', '，', '的']) || fold::has_sentence_punct(next);
        if (comma || last == Some('的'))
            && !salutes
            && next_on
            && sections::label(texts[i + 1]).is_none()
        {
            on[i] = true;
        }
    }
    if !on.contains(&true) {
        return (lines, folded);
    }
    for i in 0..on.len() {
        // A title that fills the measure stands over its speaker.
        if meta::is_speaker_line(texts[i + 1]) {
            on[i] = false;
        }
        // A sub- or superscript broken off at the line's end (`…PM` / `2.5` /
        // `年平均…`) is put back by [`rejoin_scripts`], with what follows it.
        if is_script_piece(texts[i], texts[i + 1]) {
            on[i] = false;
            if let Some(o) = on.get_mut(i + 1) {
                *o = false;
            }
        }
    }
    let mut out: Vec<(Cow<'a, str>, Parts)> = Vec::with_capacity(lines.len());
    // Per line out, its folded form, or `None` when lines were joined into it
    // (folded once it is whole).
    let mut out_folded: Vec<Option<String>> = Vec::with_capacity(folded.len());
    let mut joining = false;
    for (i, ((text, parts), f)) in lines.into_iter().zip(folded).enumerate() {
        match out.last_mut().filter(|_| joining) {
            Some((before, before_parts)) => {
                // Latin words a line break parted were parted by a space (`China
                // International` / `Import Expo`): it stands for the break, so
                // marks still find their characters.
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
                if latin(before.chars().next_back()) && latin(text.chars().next()) {
                    if let Some(&(src, len)) = before_parts.last() {
                        before.to_mut().push(' ');
                        before_parts.push((src + len, 1));
                    }
                }
                before.to_mut().push_str(&text);
                before_parts.extend(parts);
                *out_folded.last_mut().expect("a line before") = None;
            }
            None => {
                out.push((text, parts));
                out_folded.push(Some(f));
            }
        }
        joining = on.get(i).copied().unwrap_or(false);
    }
    let out_folded = (out.iter().zip(out_folded))
        .map(|((text, _), f)| f.unwrap_or_else(|| fold::fold(text)))
        .collect();
    (out, out_folded)
}

/// Whether `piece`, on a line of its own after a line ending in a Latin letter,
/// is that line's sub- or superscript (`PM` / `2.5`, `m` / `2`, `CO` / `2`), which
/// a copy of the page set on a line of its own.
fn is_script_piece(before: &str, piece: &str) -> bool {
    let n = piece.chars().count();
    (1..=4).contains(&n)
        && piece.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !piece.starts_with('.')
        && !piece.ends_with('.')
        && before.ends_with(|c: char| c.is_ascii_alphabetic())
}

/// The lines with a broken-off sub- or superscript ([`is_script_piece`]) put
/// back, with the line after it that goes on with the sentence (`…PM` / `2.5` /
/// `年平均浓度…` is one line), and a label's opening bracket broken off
/// ([`sections::opens_label`]) with the rest of its heading; and their folded
/// forms.
fn rejoin_scripts<'a>(
    lines: Vec<(Cow<'a, str>, Parts)>,
    folded: Vec<String>,
) -> (Vec<(Cow<'a, str>, Parts)>, Vec<String>) {
    let mut out: Vec<(Cow<'a, str>, Parts)> = Vec::with_capacity(lines.len());
    let mut out_folded: Vec<String> = Vec::with_capacity(folded.len());
    let mut rest = lines.into_iter().zip(folded).peekable();
    while let Some((line, f)) = rest.next() {
        // A label's bracket broken off, or a dateline broken over two lines
        // (`——2026年1月26日在广东省第十四届` / `人民代表大会第五次会议上`).
        let label = out
            .last()
            .is_some_and(|(b, _)| sections::opens_label(b, &line.0))
            || out_folded.last().is_some_and(|b| dateline_broken(b, &f));
        let Some((before, parts)) = out
            .last_mut()
            .filter(|(b, _)| label || is_script_piece(b, &line.0))
        else {
            out.push(line);
            out_folded.push(f);
            continue;
        };
        let mut joined = format!("{before}{}", line.0);
        parts.extend(line.1);
        // The sentence goes on on the next line, unless that is a heading.
        if let Some(((next, _), _)) = rest.peek().filter(|_| !label) {
            if sections::label(next).is_none() {
                let ((next, next_parts), _) = rest.next().expect("peeked");
                joined.push_str(&next);
                parts.extend(next_parts);
            }
        }
        *out_folded.last_mut().expect("a line before") = fold::fold(&joined);
        *before = Cow::Owned(joined);
    }
    (out, out_folded)
}

/// Whether a line greets its hearers (`各位代表`, `同志们`, `朋友们`).
fn contains_salutation(line: &str) -> bool {
    ["各位", "同志们", "朋友们", "代表们"]
        .iter()
        .any(|w| line.contains(w))
}

/// Whether `first` (folded) is a dash dateline that `second` (folded) ends: the
/// two read `——…在…会议上`.
fn dateline_broken(first: &str, second: &str) -> bool {
    let joined = format!("{first}{second}");
    first.starts_with(meta::DASHES)
        && first.contains('在')
        && !first.contains("会议")
        && second.chars().count() <= 30
        && !fold::has_sentence_punct(second)
        && (joined.ends_with("会议上") || joined.ends_with("会议上)"))
}

/// The stretches of `parts` holding the line's characters `[from, to)`.
fn slice_parts(parts: &Parts, from: usize, to: usize) -> Parts {
    let mut out = Vec::new();
    let mut at = 0usize;
    for &(src, len) in parts {
        let (a, b) = (at.max(from), (at + len as usize).min(to));
        if a < b {
            out.push((src + (a - at) as u32, (b - a) as u32));
        }
        at += len as usize;
    }
    out
}

/// A line (at character offset `src` of the cleaned text) without its jump marks
/// ([`furniture::jump_marks`]) and the `junk` it ends with, trimmed, and the
/// stretches it is made of.
fn without_jump_marks<'a>(src: u32, line: &'a str, junk: Option<&str>) -> (Cow<'a, str>, Parts) {
    let mut cuts = furniture::jump_marks(line);
    // And the junk a PDF copy ended its lines with ([`furniture::line_end_junk`]).
    if let Some(j) = junk.filter(|j| line.ends_with(j) && line.len() > j.len()) {
        let n = line.chars().count();
        let from = n - j.chars().count();
        if cuts.last().is_none_or(|&(_, b)| b <= from) {
            cuts.push((from, n));
        }
    }
    if cuts.is_empty() {
        return (
            Cow::Borrowed(line),
            vec![(src, line.chars().count() as u32)],
        );
    }
    // The characters kept, each with its offset in the cleaned text, trimmed.
    let mut kept: Vec<(char, u32)> = Vec::new();
    let mut cut = cuts.iter().peekable();
    for (i, c) in line.chars().enumerate() {
        while cut.next_if(|&&(_, b)| b <= i).is_some() {}
        if cut.peek().is_none_or(|&&(a, _)| a > i) {
            kept.push((c, src + i as u32));
        }
    }
    let first = kept.iter().position(|(c, _)| !c.is_whitespace());
    let last = kept.iter().rposition(|(c, _)| !c.is_whitespace());
    let kept = match (first, last) {
        (Some(a), Some(b)) => &kept[a..=b],
        _ => &[][..],
    };
    // Runs of consecutive offsets are the stretches.
    let mut parts: Parts = Vec::new();
    for &(_, at) in kept {
        match parts.last_mut() {
            Some((s, n)) if *s + *n == at => *n += 1,
            _ => parts.push((at, 1)),
        }
    }
    (Cow::Owned(kept.iter().map(|&(c, _)| c).collect()), parts)
}

/// Moves marks from cleaned-text offsets to display-text offsets; the parts of a
/// mark that fall in dropped lines or trimmed whitespace are dropped.
fn remap_marks(marks: &[Mark], placed: &[Placed]) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for m in marks {
        // Lines are in text order and disjoint: skip those that end before the mark.
        let first = placed.partition_point(|p| p.src + p.len <= m.start);
        for p in placed[first..].iter().take_while(|p| p.src < m.end) {
            let a = m.start.max(p.src);
            let b = m.end.min(p.src + p.len);
            if a < b {
                let (start, end) = (a - p.src + p.dst, b - p.src + p.dst);
                // One mark across a cut stays one.
                match out.last_mut() {
                    Some(l) if l.kind == m.kind && l.end == start => l.end = end,
                    _ => out.push(Mark {
                        start,
                        end,
                        kind: m.kind,
                    }),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ids_read_as_formatted() {
        for (p, k) in [(1, 1), (9, 10), (10, 9), (123, 4567), (usize::MAX, 0)] {
            assert_eq!(sentence_id(p, k), format!("p{p}.{k}"));
        }
    }
}
