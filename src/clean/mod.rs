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

use crate::cores;
use crate::model::{fold_width, Mark, MarkKind, Repairs, Script, UNKNOWN_CHAR};
use crate::structure::fold;
use crate::terms::is_ideograph;
use charmodel::CharModel;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};

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
        if let Some(kind) = kind {
            self.mark(Mark {
                start: at,
                end: at + 1,
                kind,
            });
        }
    }

    /// Marks `m`, one with the last mark when it goes on from it.
    fn mark(&mut self, m: Mark) {
        match self.marks.last_mut() {
            Some(last) if last.kind == m.kind && last.end == m.start => last.end = m.end,
            _ => self.marks.push(m),
        }
    }

    /// `next` written after this.
    fn append(&mut self, next: Builder) {
        let shift = self.text.len() as u32;
        self.text.extend(next.text);
        for m in next.marks {
            self.mark(Mark {
                start: m.start + shift,
                end: m.end + shift,
                kind: m.kind,
            });
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

/// Repairs a decoded report. One with many places a run may start is read in
/// parts, the later ones on helper threads while the machine has cores spare
/// ([`repair_in`]).
pub fn repair(raw: &str) -> Cleaned {
    repair_in(raw, cores::all())
}

/// [`repair`] on at most `threads` threads: a report with many places a run
/// may start is read in parts (up to four per thread), the later ones on
/// helper threads while cores are spare ([`crate::cores`]). The result is
/// exactly that of one reading from start to end.
pub fn repair_in(raw: &str, threads: usize) -> Cleaned {
    repair_by(raw, |doc| scan_in_parts(doc, threads))
}

/// Repairs a decoded report, reading it with `scan`.
fn repair_by(raw: &str, scan: impl FnOnce(&Doc) -> Scan) -> Cleaned {
    let script = detect_script(raw);
    let set_widths = raw.split('\n').map(pdf::half_ems).collect();
    // What a PDF's text layer did to the characters, first.
    let chars = pdf::mend_chars(raw.chars().collect(), script);
    let annotations = pinyin::Annotations::of(&chars);
    let doc = Doc {
        chars: &chars,
        annotated: annotations.toned() >= ANNOTATED_PAGE,
        annotations: &annotations,
        script,
        decoding: OnceLock::new(),
    };
    let st = scan(&doc);
    let text: String = st.out.text.into_iter().collect();
    Cleaned {
        script,
        text,
        repairs: st.repairs,
        marks: st.out.marks,
        set_widths,
    }
}

/// A report as [`Scan`] reads it.
struct Doc<'a> {
    chars: &'a [char],
    annotations: &'a pinyin::Annotations<'a>,
    annotated: bool,
    script: Script,
    /// What a run is decoded with, made at the first `?` that may start one:
    /// a report without any needs none of it.
    decoding: OnceLock<(CharModel, pinyin::Readings)>,
}

/// A reading of a report from some place on: where it stands, what it has
/// written and counted so far.
///
/// What is read at a place depends on the text written before it in three
/// ways only: its last character (a `?` after a letter is no lost byte),
/// whether the line so far is blank, and the numerals the headings before it
/// carry (the heading a run may restore is the one expected next). A reading
/// may therefore start at a line start with nothing written, as if a line had
/// just ended ([`Scan::before`]), and stand for the reading from the start
/// when the reading of the text before it ends at that very place, with a
/// line ended and no run going on, and the numerals it saw are the ones the
/// whole text before gives ([`Scan::numerals`]; it reads them from its own
/// text, then from the input before its start, which has them unless a run
/// there ate a heading). That is checked, never assumed: [`scan_in_parts`]
/// reads a part again after the one before when it does not hold.
#[derive(Default)]
struct Scan {
    /// The next character to read.
    i: usize,
    /// How a run cut at its longest goes on, at the next character.
    carry: Option<mojibake::Carry>,
    /// Taken for the last character written when nothing is.
    before: Option<char>,
    /// Where the reading started.
    start: usize,
    out: Builder,
    repairs: Repairs,
    /// In a reading from a place on ([`Scan::before`] set), each time the
    /// numerals of the headings so far were read: how much was written then,
    /// and what they were.
    numerals: Vec<(usize, (Option<u32>, u32))>,
}

impl Scan {
    /// A reading from the line start `at` on, with nothing written.
    fn at(at: usize) -> Scan {
        Scan {
            i: at,
            start: at,
            before: Some('\n'),
            ..Scan::default()
        }
    }

    /// Reads on up to `to` (or past it, when a run or an annotation goes on
    /// there), with `memo` for the runs' decoding.
    fn read(&mut self, doc: &Doc, memo: &mojibake::Memo, to: usize) {
        let chars = doc.chars;
        let script = doc.script;
        let (before, start) = (self.before, self.start);
        let (mut i, mut carry) = (self.i, self.carry.take());
        let (out, repairs, numerals) = (&mut self.out, &mut self.repairs, &mut self.numerals);
        while i < to {
            let c = chars[i];
            let prev = out.text.last().copied().or(before);
            let goes_on = carry.take();
            let lost = c == '?'
                && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || "/=&%.:".contains(p));
            // A bullet the page could not show (`? 23个专班…`; one before an
            // ideograph below). Before a digit it is never a run's: a run's space is
            // the indent's second byte with an `A1`-row mark's lead, and what
            // follows is that mark's trail byte with the next lead, never a digit.
            let digit_next = chars.get(i + 2).is_some_and(|c| c.is_ascii_digit());
            if lost && goes_on.is_none() && digit_next && is_lost_bullet(chars, i, &out.text) {
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
                let (model, readings) = doc.decoding.get_or_init(|| {
                    let model = learnt_model(doc.annotations, doc.annotated);
                    (model, pinyin::Readings::of(doc.annotations))
                });
                let (next_numeral, next_part) = match prev {
                    None | Some('\n') => {
                        let (sub, part) = match before {
                            None => next_numerals(&out.text),
                            // From a place on: its own lines, then the
                            // input's before the place, width-folded (a
                            // guess, checked when the reading is taken: a
                            // heading a run restored there is not seen).
                            Some(_) => {
                                let own = (out.text.split(|&c| c == '\n').rev())
                                    .map(std::borrow::Cow::Borrowed);
                                let input = (chars[..start].split(|&c| c == '\n').rev())
                                    .map(|l| l.iter().map(|&c| fold_width(c)).collect());
                                let input = input.map(std::borrow::Cow::Owned);
                                let (sub, part) = numerals_after(own.chain(input));
                                numerals.push((out.text.len(), (sub, part)));
                                (sub, part)
                            }
                        };
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
                    memo,
                };
                if let Some(run) = mojibake::undo_run(chars, i, &ctx, goes_on.as_ref()) {
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
                    skip_tag_rest(chars, &mut i, out);
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
                if goes_on.is_none() && is_lost_bullet(chars, i, &out.text) {
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
                    && mojibake::tag_rest(chars, i + 1).is_some();
                if tagged {
                    repairs.chars_unknown += 1;
                    out.push(UNKNOWN_CHAR, Some(MarkKind::Unknown));
                    i += 1;
                    skip_tag_rest(chars, &mut i, out);
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
                if let Some(n) = doc.annotations.len_at(i, doc.annotated) {
                    repairs.pinyin_removed += 1;
                    i += n;
                    continue;
                }
            }
            out.push(c, None);
            i += 1;
        }
        self.i = i;
        self.carry = carry;
    }

    /// Whether `next`, read from its start with nothing written before, reads
    /// on exactly as this reading would from there (see [`Scan`]).
    fn goes_on_as(&self, next: &Scan) -> bool {
        self.i == next.start
            && self.carry.is_none()
            && self.out.text.last().is_none_or(|&c| c == '\n')
            && next.numerals.iter().all(|&(len, seen)| {
                // The two texts' lines, last first (this one's last line is
                // ended, so none runs from one text into the other).
                let its = next.out.text[..len].split(|&c| c == '\n').rev();
                let mine = self.out.text.split(|&c| c == '\n').rev();
                numerals_after(its.chain(mine)) == seen
            })
    }

    /// Takes on `next`'s reading, which goes on from where this one ends.
    fn join(&mut self, next: Scan) {
        self.out.append(next.out);
        let Repairs {
            pinyin_removed,
            mojibake_runs,
            chars_recovered,
            chars_unknown,
        } = next.repairs;
        let r = &mut self.repairs;
        r.pinyin_removed += pinyin_removed;
        r.mojibake_runs += mojibake_runs;
        r.chars_recovered += chars_recovered;
        r.chars_unknown += chars_unknown;
        self.i = next.i;
        self.carry = next.carry;
    }
}

/// How many parts per thread a report is read in at most.
const PARTS_PER_THREAD: usize = 4;

/// Fewest `?` (places a run may start) per part of a report read in parts: a
/// thread of its own costs less than one run's decoding.
const RUNS_PER_PART: usize = 4;

/// How much of a line is read for a heading's numeral (`（十二）`, `三十一、`
/// after an indent).
const HEAD_PREFIX: usize = 12;

/// Where the parts of `chars` start after the first, and the end: at most
/// `parts`, at lines that head a part (`三、…`) or a sub-section (`（三）…`),
/// with as near as there are to as many `?` (places a run may start) in each.
/// There the numerals a run expects are nearly always the input's own: the
/// heading is one of them (a part read from there takes the others from the
/// input before it, [`Scan`]).
fn part_starts(chars: &[char], parts: usize) -> Vec<usize> {
    let marks: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '?').collect();
    let parts = parts.min(marks.len() / RUNS_PER_PART).max(1);
    let mut cuts = Vec::new();
    if parts > 1 {
        // Per part heading, how many `?` come before it.
        let heads: Vec<(usize, usize)> = (1..chars.len())
            .filter(|&i| chars[i - 1] == '\n')
            .filter(|&i| {
                // A heading's numeral is a few characters in, past an indent.
                let head: Vec<char> = (chars[i..].iter())
                    .take_while(|&&c| c != '\n')
                    .take(HEAD_PREFIX)
                    .map(|&c| fold_width(c))
                    .collect();
                part_heading(&head).is_some() || sub_heading(&head).is_some()
            })
            .map(|i| (i, marks.partition_point(|&m| m < i)))
            .filter(|&(_, before)| before > 0 && before < marks.len())
            .collect();
        for k in 1..parts {
            let want = k * marks.len() / parts;
            let near = heads.iter().min_by_key(|h| h.1.abs_diff(want));
            if let Some(&(h, _)) = near.filter(|h| cuts.last().is_none_or(|&c| h.0 > c)) {
                cuts.push(h);
            }
        }
    }
    cuts.push(chars.len());
    cuts
}

/// Reads `doc` on at most `threads` threads, in parts ([`part_starts`]), going
/// through them in turn on this thread while helper threads, each started on
/// a core that would otherwise idle ([`cores::spare`]), read the last not yet
/// started: this thread and the helpers meet in between. A part a helper has
/// read is taken when that reading goes on from this one's ([`Scan`]), else
/// read again. The result is that of one reading.
fn scan_in_parts(doc: &Doc, threads: usize) -> Scan {
    let chars = doc.chars;
    // Parts smaller than a thread's share, so that a helper that gets a core
    // late still finds some to read.
    let cuts = part_starts(
        chars,
        if threads > 1 {
            PARTS_PER_THREAD * threads
        } else {
            1
        },
    );
    let tables = mojibake::Tables::default();
    let memo = mojibake::Memo::new(&tables);
    let mut st = Scan::default();
    if cuts.len() == 1 {
        st.read(doc, &memo, chars.len());
        return st;
    }
    let later = Later::new(cuts.len() - 1);
    std::thread::scope(|scope| {
        // Whatever happens here (a fault included), helpers stop at the part
        // they are reading.
        let _done = TakeBack(&later);
        let (later, tables, cuts) = (&later, &tables, &cuts);
        let mut helpers = 1;
        // A helper for each core spare (up to `threads` in all), looked for
        // before each part: one freed late still finds the last parts.
        let mut help_while_spare = || {
            while helpers < threads && !later.all_taken() {
                let Some(core) = cores::spare() else { return };
                let help = move || {
                    let _core = core;
                    let memo = mojibake::Memo::new(tables);
                    while let Some(k) = later.take_last() {
                        // Handed over whatever happens: this thread's fault
                        // costs only the reading, done again by the owner.
                        let mut hand = Handing {
                            later,
                            k,
                            read: None,
                        };
                        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            let mut next = Scan::at(cuts[k]);
                            next.read(doc, &memo, cuts[k + 1]);
                            next
                        }));
                        hand.read = read.ok();
                    }
                };
                // Without a thread (its core given back), this one reads on.
                let thread = std::thread::Builder::new().name(PART_THREAD.to_string());
                if thread.spawn_scoped(scope, help).is_err() {
                    return;
                }
                helpers += 1;
            }
        };
        help_while_spare();
        st.read(doc, &memo, cuts[0]);
        for k in 0..cuts.len() - 1 {
            help_while_spare();
            let to = cuts[k + 1];
            match later.take(k) {
                None => st.read(doc, &memo, to),
                Some(Some(next)) if st.goes_on_as(&next) => st.join(next),
                // A part whose helper faulted is read here, as is one whose
                // reading does not go on from this one.
                Some(_) => st.read(doc, &memo, to),
            }
        }
    });
    st
}

/// The parts of a report after its first ([`scan_in_parts`]): whose each is,
/// and what a helper made of those it read.
struct Later {
    parts: Mutex<Vec<Part>>,
    /// A helper handed a reading over.
    ready: Condvar,
}

/// A part of a [`Later`].
enum Part {
    /// No one's yet.
    Free,
    /// The reading thread's.
    Mine,
    /// A helper's, reading it.
    Helping,
    /// A helper's, read: its reading, `None` if it faulted.
    Read(Option<Scan>),
}

impl Later {
    fn new(n: usize) -> Later {
        Later {
            parts: Mutex::new((0..n).map(|_| Part::Free).collect()),
            ready: Condvar::new(),
        }
    }

    fn parts(&self) -> MutexGuard<'_, Vec<Part>> {
        self.parts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether every part is someone's.
    fn all_taken(&self) -> bool {
        !self.parts().iter().any(|p| matches!(p, Part::Free))
    }

    /// For a helper: the last part no one has, now its.
    fn take_last(&self) -> Option<usize> {
        let mut parts = self.parts();
        let k = parts.iter().rposition(|p| matches!(p, Part::Free))?;
        parts[k] = Part::Helping;
        Some(k)
    }

    /// For a helper: its reading of part `k`.
    fn done(&self, k: usize, read: Option<Scan>) {
        self.parts()[k] = Part::Read(read);
        self.ready.notify_all();
    }

    /// For the reading thread: part `k`, now its (`None`) unless a helper has
    /// it, whose reading is then waited for.
    fn take(&self, k: usize) -> Option<Option<Scan>> {
        let mut parts = self.parts();
        loop {
            match std::mem::replace(&mut parts[k], Part::Mine) {
                Part::Free => return None,
                Part::Read(read) => return Some(read),
                helping => parts[k] = helping,
            }
            parts = self.ready.wait(parts).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// A part of a [`Later`] a helper took: its reading is handed over when this
/// is dropped, `None` when there is none (the helper faulted).
struct Handing<'a> {
    later: &'a Later,
    k: usize,
    read: Option<Scan>,
}

impl Drop for Handing<'_> {
    fn drop(&mut self) {
        self.later.done(self.k, self.read.take());
    }
}

/// Takes, when dropped, every part of a [`Later`] no one has, so no helper
/// starts another.
struct TakeBack<'a>(&'a Later);

impl Drop for TakeBack<'_> {
    fn drop(&mut self) {
        for p in self
            .0
            .parts()
            .iter_mut()
            .filter(|p| matches!(p, Part::Free))
        {
            *p = Part::Mine;
        }
    }
}

/// The name of the threads a report's later parts are read on.
pub const PART_THREAD: &str = "baogao-report-part";

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
    // Read in place, line by line from the end: the text before a run is most
    // of a document, and only the lines since its last part heading are read.
    numerals_after(text.split(|&c| c == '\n').rev())
}

/// [`next_numerals`] of the text whose lines are `lines`, last first.
fn numerals_after<L: AsRef<[char]>>(lines: impl Iterator<Item = L>) -> (Option<u32>, u32) {
    let mut sub = None;
    for line in lines {
        let line = line.as_ref();
        if sub.is_none() {
            if let Some(n) = sub_heading(line) {
                sub = Some(n + 1);
                continue;
            }
        }
        if let Some(n) = part_heading(line) {
            return (sub.or(Some(1)), n + 1);
        }
    }
    (sub, 1)
}

/// The numeral of a sub-section heading (`(三)…`) that `line` is, leading
/// whitespace aside.
fn sub_heading(line: &[char]) -> Option<u32> {
    let t = &line[line.iter().take_while(|c| c.is_whitespace()).count()..];
    let paren = (t.strip_prefix(&['('])).and_then(|rest| rest.split(|&c| c == ')').next());
    paren.and_then(parse_numeral)
}

/// The numeral of a part heading (`三、…`) that `line` is, leading
/// whitespace aside.
fn part_heading(line: &[char]) -> Option<u32> {
    let t = &line[line.iter().take_while(|c| c.is_whitespace()).count()..];
    let head = t.iter().position(|&c| c == '、').map(|e| &t[..e]);
    head.and_then(parse_numeral)
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

    /// The two damaged seeds, and a simplified one damaged at every other
    /// paragraph's start.
    pub(crate) fn damaged_texts() -> Vec<String> {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let read = |name: &str| {
            let path = (std::fs::read_dir(&seeds).unwrap())
                .map(|e| e.unwrap().path())
                .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
                .unwrap();
            std::fs::read_to_string(path).unwrap()
        };
        let damaged: String = (read("002").lines().enumerate())
            .map(|(i, line)| match i % 2 == 0 && line.chars().count() > 20 {
                true => mojibake::damage(&format!(
                    "\u{3000}{}",
                    mojibake::unfold_marks(line.trim_start())
                )),
                false => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        vec![read("001"), read("004"), damaged]
    }

    /// Every part after the first read apart, as a helper reads it (from its
    /// start, nothing written before), and taken as the reading thread takes
    /// it; with how many were taken.
    fn every_part_apart(doc: &Doc, taken: &std::cell::Cell<usize>) -> Scan {
        let cuts = part_starts(doc.chars, 64);
        let tables = mojibake::Tables::default();
        let memo = mojibake::Memo::new(&tables);
        let mut st = Scan::default();
        st.read(doc, &memo, cuts[0]);
        for w in cuts.windows(2) {
            let mut next = Scan::at(w[0]);
            next.read(doc, &mojibake::Memo::new(&tables), w[1]);
            if st.goes_on_as(&next) {
                st.join(next);
                taken.set(taken.get() + 1);
            } else {
                st.read(doc, &memo, w[1]);
            }
        }
        st
    }

    /// A report read in parts reads exactly as one reading from start to end:
    /// each part read apart and joined (some must be taken, or the join would
    /// not be looked at), and the parts read on helper threads.
    #[test]
    fn a_report_read_in_parts_reads_as_one_reading() {
        let taken = std::cell::Cell::new(0);
        for text in damaged_texts() {
            let one = repair_in(&text, 1);
            let apart = repair_by(&text, |doc| every_part_apart(doc, &taken));
            assert_eq!(apart, one);
            for threads in [2, 3, 8] {
                assert_eq!(repair_in(&text, threads), one, "{threads} threads");
            }
        }
        assert!(taken.get() > 0, "no part read apart was taken");
    }

    /// A part read apart is taken only when the reading before it ends where
    /// it starts, with its line ended and no run going on, and the heading
    /// numerals it read are the text's.
    #[test]
    fn a_part_is_taken_only_where_the_reading_before_ends() {
        let before = |text: &str| Scan {
            i: text.chars().count(),
            out: Builder {
                text: text.chars().collect(),
                marks: Vec::new(),
            },
            ..Scan::default()
        };
        let part = |at, numerals| Scan {
            numerals,
            ..Scan::at(at)
        };
        let text = "二、改革\n(一)试点\n";
        let at = text.chars().count();
        let seen = next_numerals(&text.chars().collect::<Vec<_>>());
        assert!(before(text).goes_on_as(&part(at, vec![(0, seen)])));
        assert!(!before(text).goes_on_as(&part(at, vec![(0, (Some(1), 3))])));
        assert!(!before(text).goes_on_as(&part(at + 1, Vec::new())));
        assert!(!before("二、改革").goes_on_as(&part(4, Vec::new())));
    }

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
