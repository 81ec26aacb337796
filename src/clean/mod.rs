//! Character-level repair of a decoded report: pinyin annotations, GBK mojibake,
//! lost characters, full-width forms, and the script it is written in.
//!
//! Owns the text's characters; knows nothing of lines as page furniture or of
//! sections (that is `structure`). Every repair keeps line breaks where they were.
//! The damage is described in `shared/SEEDS.md`; `pinyin` and `mojibake` each
//! document the rule they apply, `charmodel` the statistics that choose between
//! candidate characters.

mod charmodel;
pub mod mojibake;
pub mod pdf;
pub mod pinyin;
mod words;

use crate::model::{fold_width, Mark, MarkKind, Repairs, Script, UNKNOWN_CHAR};
use crate::structure::fold;
use crate::terms::is_ideograph;
use charmodel::CharModel;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::sync::OnceLock;

/// A report after character-level repair, before furniture removal and structure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Repaired text in the document's own script; line breaks preserved.
    pub text: String,
    pub script: Script,
    pub repairs: Repairs,
    /// Repaired and unknown spans, as character offsets into `text`.
    pub marks: Vec<Mark>,
    /// Each line's width as the input set it, in half-ems ([`pdf::half_ems`]),
    /// before anything was taken out of it: a PDF copy's measure shows there,
    /// and the spaces of a justified line are part of it. Empty when not known.
    pub set_widths: Vec<u32>,
}

/// The most `?` in a row read as lost characters between two others; a longer
/// row is left as it stands.
const MAX_LOST_RUN: usize = 4;

/// Fewer tone-marked annotations than this and a page is not one whose site
/// annotates, so toneless syllables in parentheses are left alone.
const ANNOTATED_PAGE: usize = 3;

/// Output text with marks, built one character at a time.
#[derive(Default)]
struct Builder {
    text: Vec<char>,
    marks: Vec<Mark>,
}

impl Builder {
    fn push(&mut self, c: char, kind: Option<MarkKind>) {
        let at = self.text.len() as u32;
        self.text.push(fold_width(c));
        let Some(kind) = kind else { return };
        match self.marks.last_mut() {
            Some(m) if m.kind == kind && m.end == at => m.end = at + 1,
            _ => self.marks.push(Mark {
                start: at,
                end: at + 1,
                kind,
            }),
        }
    }
}

/// Whether what comes next opens its line, after whitespace at most (`out` is
/// the text so far).
fn at_line_start(out: &[char]) -> bool {
    (out.iter().rev())
        .take_while(|&&c| c != '\n')
        .all(|c| c.is_whitespace())
}

/// Whether the `?` at `i` opens its line (`out` is the text so far) before a
/// space and text: a bullet the page could not show.
fn is_lost_bullet(chars: &[char], i: usize, out: &[char]) -> bool {
    at_line_start(out)
        && chars.get(i + 1) == Some(&' ')
        && (chars.get(i + 2)).is_some_and(|&c| is_ideograph(c) || c.is_ascii_digit())
}

/// Repairs a decoded report.
pub fn repair(raw: &str) -> Cleaned {
    let script = detect_script(raw);
    let set_widths = raw.split('\n').map(pdf::half_ems).collect();
    // What a PDF's text layer did to the characters, first.
    let chars = pdf::mend_chars(raw.chars().collect(), script);
    let annotations = pinyin::Annotations::of(&chars);
    let annotated = annotations.toned() >= ANNOTATED_PAGE;
    // What a run is decoded with, made at the first `?` that may start one: a
    // report without any needs none of it.
    let decoding = std::cell::OnceCell::new();
    let mut repairs = Repairs::default();
    let mut out = Builder::default();
    let memo = mojibake::Memo::default();
    let mut i = 0;
    // How a run cut at its longest goes on, at the next character.
    let mut carry: Option<mojibake::Carry> = None;
    while i < chars.len() {
        let c = chars[i];
        let prev = out.text.last().copied();
        let goes_on = carry.take();
        let lost =
            c == '?' && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || "/=&%.:".contains(p));
        // A bullet the page could not show (`? 23个专班…`; one before an
        // ideograph below). Before a digit it is never a run's: a run's space is
        // the indent's second byte with an `A1`-row mark's lead, and what
        // follows is that mark's trail byte with the next lead, never a digit.
        let digit_next = chars.get(i + 2).is_some_and(|c| c.is_ascii_digit());
        if lost && goes_on.is_none() && digit_next && is_lost_bullet(&chars, i, &out.text) {
            repairs.chars_unknown += 1;
            out.push(UNKNOWN_CHAR, Some(MarkKind::Unknown));
            i += 1;
            continue;
        }
        // One opening a line right before a digit is the paragraph's indent
        // lost whole (SEEDS.md): its first byte lost, its second a lead byte
        // that met the digit, which a decoder drops (`?1.機非分離` for
        // `　1.機非分離`, `?2013年` for `　2013年`). A page's own line never
        // opens with `?1`, and a run's pair reads as a digit only after a trail
        // byte `A3`, which an indent's is not; so no decoding is tried (it could
        // read `?2017年` as `?２０１` out of step).
        let at_start = prev.is_none_or(|p| p == '\n');
        if lost
            && goes_on.is_none()
            && at_start
            && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
        {
            repairs.mojibake_runs += 1;
            repairs.chars_recovered += 1;
            out.push('\u{3000}', Some(MarkKind::Repaired));
            i += 1;
            continue;
        }
        if lost || goes_on.is_some() {
            let (model, readings) = decoding.get_or_init(|| {
                let model = learnt_model(&annotations, annotated);
                (model, pinyin::Readings::of(&annotations))
            });
            let (next_numeral, next_part) = match prev {
                None | Some('\n') => {
                    let (sub, part) = next_numerals(&out.text);
                    (sub, Some(part))
                }
                _ => (None, None),
            };
            let ctx = mojibake::Context {
                model,
                script,
                readings,
                next_numeral,
                next_part,
                memo: &memo,
            };
            if let Some(run) = mojibake::undo_run(&chars, i, &ctx, goes_on.as_ref()) {
                // A run's later parts are the same run.
                if goes_on.is_none() {
                    repairs.mojibake_runs += 1;
                }
                repairs.pinyin_removed += run.leftovers;
                for r in &run.chars {
                    match r {
                        Some(c) => {
                            repairs.chars_recovered += 1;
                            out.push(*c, Some(MarkKind::Repaired));
                        }
                        None => {
                            repairs.chars_unknown += 1;
                            out.push(UNKNOWN_CHAR, Some(MarkKind::Unknown));
                        }
                    }
                }
                i += run.len;
                carry = run.carry;
                skip_tag_rest(&chars, &mut i, &mut out);
                continue;
            }
            if !lost {
                out.push(c, None);
                i += 1;
                continue;
            }
            // One opening a line before a space and text that is no run: a
            // bullet the page could not show (`? 提前兑现…`, `? 23个专班…`). (A
            // run's space is the indent's second byte met with the lead of an
            // `A1`-row mark opening the paragraph, `《政府…` read `? 墩ぷ…`: the
            // decoder has had its say.)
            if goes_on.is_none() && is_lost_bullet(&chars, i, &out.text) {
                repairs.chars_unknown += 1;
                out.push(UNKNOWN_CHAR, Some(MarkKind::Unknown));
                i += 1;
                continue;
            }
            // A few `?` between characters: as many lost characters (`王??`
            // between two characters of a name the page could not show).
            let k = chars[i..].iter().take_while(|&&c| c == '?').count();
            let next = chars.get(i + k).copied();
            // (Or after a mark that opens an item or a quote: `…二期、?水灌区`;
            // a question mark never follows one.)
            let opening = |p: char| is_ideograph(p) || "、,，“(（《".contains(p);
            // (Or at a line's start, where a run that did not read better than
            // the damage leaves its lost byte: `?股市…`.)
            let between = (at_line_start(&out.text) || prev.is_some_and(opening))
                && next.is_some_and(is_ideograph);
            // After a question's particle or word (`为什么?`, `好吗?`, `做了啥?`,
            // `是谁?`) it is a question mark.
            let asks = prev.is_some_and(|p| "吗呢么嗎麼啥谁誰吧".contains(p));
            // One before what is left of an HTML tag (`職責?/p>`): a character
            // whose lead byte met the tag's `<`.
            let tagged = k == 1
                && prev.is_some_and(is_ideograph)
                && !asks
                && mojibake::tag_rest(&chars, i + 1).is_some();
            if tagged {
                repairs.chars_unknown += 1;
                out.push(UNKNOWN_CHAR, Some(MarkKind::Unknown));
                i += 1;
                skip_tag_rest(&chars, &mut i, &mut out);
                continue;
            }
            if between && !asks && k <= MAX_LOST_RUN {
                repairs.chars_unknown += k as u32;
                for _ in 0..k {
                    out.push(UNKNOWN_CHAR, Some(MarkKind::Unknown));
                }
                i += k;
                continue;
            }
        }
        if prev.is_some_and(is_ideograph) {
            if let Some(n) = annotations.len_at(i, annotated) {
                repairs.pinyin_removed += 1;
                i += n;
                continue;
            }
        }
        out.push(c, None);
        i += 1;
    }
    let text: String = out.text.into_iter().collect();
    Cleaned {
        script,
        text,
        repairs,
        marks: out.marks,
        set_widths,
    }
}

/// Past what is left of an HTML tag at `i` after a `?` that swallowed its `<`
/// ([`mojibake::tag_rest`]): markup, not text; a tag that ends a block
/// (`/p>`, `br />`) ends the line there.
fn skip_tag_rest(chars: &[char], i: &mut usize, out: &mut Builder) {
    if *i > 0 && chars[*i - 1] == '?' {
        if let Some((n, block)) = mojibake::tag_rest(chars, *i) {
            *i += n;
            if block && !matches!(chars.get(*i), None | Some('\n' | '\r')) {
                out.push('\n', None);
            }
        }
    }
}

/// How well lines read in a document: the mean log-probability per character
/// under the character model repair uses, learnt from `document`'s clean
/// stretches. Unknown markers are set aside (the model starts afresh after one),
/// so a line is judged by the characters it claims.
pub fn line_scorer(document: &str) -> impl Fn(&str) -> f64 {
    let chars: Vec<char> = document.chars().collect();
    let annotations = pinyin::Annotations::of(&chars);
    let annotated = annotations.toned() >= ANNOTATED_PAGE;
    let model = learnt_model(&annotations, annotated);
    move |line: &str| {
        let (mut sum, mut n) = (0.0, 0usize);
        let mut prev = charmodel::EDGE;
        for c in line.chars().chain(std::iter::once(charmodel::EDGE)) {
            if c == UNKNOWN_CHAR {
                prev = charmodel::EDGE;
                continue;
            }
            let c = charmodel::norm(c);
            sum += model.logp(prev, c);
            n += 1;
            prev = c;
        }
        sum / n as f64
    }
}

/// What a character the shipped table has not seen counts for in
/// [`reads_as_chinese`]: rarer than any it has.
const UNSEEN_LOGP: f64 = -20.0;

/// How much a text reads as Chinese, per character: the mean log-probability of
/// its non-ASCII characters under the shipped frequencies alone (nothing learnt
/// from the text, which may be garbage). Punctuation and full-width forms, which
/// the table lacks, are passed over; any other character it lacks counts as a
/// log-probability of −20. Chooses between legacy encodings that both decode a
/// file: the wrong one reads text as rare characters, symbols and kana.
pub fn reads_as_chinese(text: &str) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
        {
            continue;
        }
        sum += charmodel::shipped_logp(charmodel::norm(c)).unwrap_or(UNSEEN_LOGP);
        n += 1;
    }
    match n {
        0 => UNSEEN_LOGP,
        n => sum / n as f64,
    }
}

/// The numerals the next headings should carry, from those already in `text`,
/// found in one walk back over its lines: a level-2 `(N)` one after the last
/// `(N)` since the last level-1 `N、` (1 right after one, `None` before any
/// heading); a level-1 `N、` one after the last (1 before the first).
fn next_numerals(text: &[char]) -> (Option<u32>, u32) {
    let mut sub = None;
    // Read in place, line by line from the end: the text before a run is most
    // of a document, and only the lines since its last part heading are read.
    for line in text.split(|&c| c == '\n').rev() {
        let t = &line[line.iter().take_while(|c| c.is_whitespace()).count()..];
        if sub.is_none() {
            let paren = (t.strip_prefix(&['('])).and_then(|rest| rest.split(|&c| c == ')').next());
            if let Some(n) = paren.and_then(parse_numeral) {
                sub = Some(n + 1);
                continue;
            }
        }
        let head = t.iter().position(|&c| c == '、').map(|e| &t[..e]);
        if let Some(n) = head.and_then(parse_numeral) {
            return (sub.or(Some(1)), n + 1);
        }
    }
    (sub, 1)
}

/// The value of a Chinese numeral 1..=99 as [`mojibake::numeral`] writes it
/// (`七`, `十二`, `二十三`; never `一十`, `十〇` or `二十零`, which
/// [`fold::zh_number`] reads too). No numeral is longer than three
/// characters: a longer head of a line is not copied to be read.
fn parse_numeral(s: &[char]) -> Option<u32> {
    if s.len() > 3 {
        return None;
    }
    let s: String = s.iter().collect();
    fold::zh_number(&s).filter(|&n| mojibake::numeral(n) == s)
}

/// The character model of a document, learnt from its text without its
/// annotations (all when its site annotates, else the tone-marked ones).
fn learnt_model(annotations: &pinyin::Annotations, annotated: bool) -> CharModel {
    CharModel::new(&strip_annotations(annotations, annotated))
}

/// The text without its annotations, for learning the document's statistics:
/// the stretches between them, read in place.
fn strip_annotations<'a>(
    annotations: &pinyin::Annotations<'a>,
    annotated: bool,
) -> Vec<&'a [char]> {
    let chars = annotations.chars();
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, n, toned) in annotations.after_ideographs() {
        if toned || annotated {
            parts.push(&chars[from..i]);
            from = i + n;
        }
    }
    parts.push(&chars[from..]);
    parts
}

/// The phrase-level converter, built once: it is called per sentence.
fn converter() -> Option<&'static OpenCC> {
    static C: OnceLock<Option<OpenCC>> = OnceLock::new();
    C.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Traditional → simplified for single characters, over the CJK blocks.
fn char_map() -> &'static HashMap<char, char> {
    static M: OnceLock<HashMap<char, char>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = HashMap::default();
        let Some(cc) = converter() else { return m };
        let blocks = [
            '\u{3400}'..='\u{4DBF}',
            '\u{4E00}'..='\u{9FFF}',
            '\u{F900}'..='\u{FAFF}',
        ];
        for c in blocks.into_iter().flatten() {
            let mut buf = [0u8; 4];
            let s = cc.convert(c.encode_utf8(&mut buf));
            let mut cs = s.chars();
            if let (Some(t), None) = (cs.next(), cs.next()) {
                if t != c {
                    m.insert(c, t);
                }
            }
        }
        m
    })
}

/// Per BMP character: its simplified form, and whether it is the simplified
/// form of some traditional character and not itself traditional.
struct Dense {
    simple: Vec<char>,
    simplified_only: Vec<bool>,
}

#[inline(always)]
fn dense() -> &'static Dense {
    static D: OnceLock<Dense> = OnceLock::new();
    D.get_or_init(|| {
        let m = char_map();
        let mut simple: Vec<char> = (0..0x10000u32)
            .map(|u| char::from_u32(u).unwrap_or('\0'))
            .collect();
        let mut simplified_only = vec![false; 0x10000];
        for (&t, &s) in m {
            if let Some(x) = simple.get_mut(t as usize) {
                *x = s;
            }
        }
        for &c in simplified_only_set() {
            if let Some(x) = simplified_only.get_mut(c as usize) {
                *x = true;
            }
        }
        Dense {
            simple,
            simplified_only,
        }
    })
}

/// The simplified form of one character (itself when it has none).
#[inline(always)]
pub(crate) fn simplify_char(c: char) -> char {
    match dense().simple.get(c as usize) {
        Some(&s) => s,
        None => char_map().get(&c).copied().unwrap_or(c),
    }
}

fn simplified_only_set() -> &'static FxHashSet<char> {
    static SIMPLIFIED_ONLY: OnceLock<FxHashSet<char>> = OnceLock::new();
    SIMPLIFIED_ONLY.get_or_init(|| {
        let m = char_map();
        m.values().copied().filter(|c| !m.contains_key(c)).collect()
    })
}

/// Whether `c` is the simplified form of some traditional character and not
/// itself traditional.
#[inline(always)]
pub(crate) fn is_simplified_only(c: char) -> bool {
    match dense().simplified_only.get(c as usize) {
        Some(&b) => b,
        None => simplified_only_set().contains(&c),
    }
}

/// Whether `c` is a traditional character (one [`char_map`] has): in the
/// BMP, one whose simplified form is another, read from the table rather than
/// looked up in the map (asked of every character of a report).
#[inline(always)]
fn is_traditional(c: char) -> bool {
    match dense().simple.get(c as usize) {
        Some(&s) => s != c,
        None => char_map().contains_key(&c),
    }
}

/// Which script a text is written in: traditional when characters that only
/// traditional text uses outnumber those that only simplified text uses.
pub fn detect_script(text: &str) -> Script {
    let (mut t, mut s) = (0usize, 0usize);
    for c in text.chars() {
        if is_traditional(c) {
            t += 1;
        } else if is_simplified_only(c) {
            s += 1;
        }
    }
    if t > s {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

/// Converts text to simplified script at phrase level.
pub fn to_simplified(text: &str) -> String {
    match converter() {
        Some(cc) => cc.convert(text),
        None => text.chars().map(simplify_char).collect(),
    }
}

/// Traditional → simplified character pairs for [`crate::model::Corpus::t2s`].
pub fn t2s_table() -> String {
    let mut pairs: Vec<(char, char)> = char_map().iter().map(|(&a, &b)| (a, b)).collect();
    pairs.sort_unstable();
    pairs.into_iter().flat_map(|(a, b)| [a, b]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read_back_as_they_are_written() {
        for n in 1..100 {
            let s: Vec<char> = mojibake::numeral(n).chars().collect();
            assert_eq!(parse_numeral(&s), Some(n), "{n}");
        }
        for not in [
            "",
            "一十",
            "十十",
            "〇",
            "二十十",
            "三四",
            "十二三",
            "一二十",
            "地区",
        ] {
            let s: Vec<char> = not.chars().collect();
            assert_eq!(parse_numeral(&s), None, "{not}");
        }
    }

    #[test]
    fn the_next_headings_follow_the_last_ones() {
        let next = |t: &str| next_numerals(&t.chars().collect::<Vec<_>>());
        assert_eq!(next(""), (None, 1));
        assert_eq!(next("各位代表:\n一、过去一年\n"), (Some(1), 2));
        let text = "一、回顾\n(一)经济\n正文、正文\n二、计划\n(一)产业\n(二)民生\n正文";
        assert_eq!(next(text), (Some(3), 3));
        assert_eq!(next("  十二、结语\n\u{3000}(十九)其他"), (Some(20), 13));
        // A list's `、` after prose is no heading.
        assert_eq!(next("一、回顾\n经济、社会、文化"), (Some(1), 2));
    }
}
