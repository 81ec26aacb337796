//! One-byte-misaligned GBK mojibake (see `shared/SEEDS.md`): finding a run, and
//! undoing it by re-encoding, restoring the lost byte and pairing the bytes again.
//!
//! A run starts at a `?` standing for a lost byte. Each character after it is the
//! trail byte of one original character plus the lead byte of the next, so its
//! GBK bytes must be `>= 0x80` then `>= 0x81`; folded full-width forms inside it
//! are unfolded first. The run ends at an ASCII trail byte (`r` of 時 `95 72`), at a
//! `?` that swallowed the last trail byte, or where no character fits. Pairs that
//! decoded to a user-defined or unassigned code were dropped, so between any two
//! characters a gap of two bytes may hide (the trail of one original character and
//! the lead of the next) — the pair they form must be one that would be dropped,
//! which leaves few candidates. A beam search over these choices, scored by
//! `CharModel`, picks the reading; the rivals it beat are weighed again with a
//! word model (`words`: 全力以赴 is a word, 圈以赴 none), which may put one in its
//! place. A character whose choice does not then win by a clear margin becomes
//! [`UNKNOWN_CHAR`], and so does every character of a run the text clearly shows
//! whose reading is not clearly better than the damage.
//!
//! Owns runs only; the lone lost `?` and pinyin live in `clean`.

use super::charmodel::{norm, Bounds, CharModel, Contexts, Slot, EDGE};
use super::pinyin;
use crate::model::{Script, UNKNOWN_CHAR};
use crate::terms::is_ideograph;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

/// Margin (natural log) by which a chosen character must beat its best rival.
const CONFIDENT: f64 = 2.5;
/// The margin for a character one of whose bytes was never seen: only the
/// character model speaks for it.
const CONFIDENT_HIDDEN: f64 = 4.5;
/// Most characters a run may span.
const MAX_UNITS: usize = 80;
/// Most readings of where a run ends that are tried.
const MAX_TEMPLATES: usize = 4;
const BEAM: usize = 24;
/// Gap fillings tried per hypothesis, best first by a context-free score.
/// Measured on the seeds and on synthetic damage of 136 unseen pages in
/// traditional script (743 run characters): 24 recovers exactly what 48 did
/// (16 loses one character), in two thirds of the time.
const GAP_CANDIDATES: usize = 24;
/// How much less likely a boundary is to hide a dropped pair than not: in
/// traditional-script text about one boundary between two-byte characters in six
/// pairs a trail with a lead into a user-defined or unassigned code (ln(0.16/0.84)).
const GAP_PRIOR: f64 = -1.7;
/// A `?` inside a run, with more run after it, read as a pair shown as `?`
/// rather than as a folded `？` (`A3 BF`: `??偛科` is `。總部`). Such a pair is a
/// lead and a trail byte, and the sites dropped the pairs that map to nothing
/// without a trace (SEEDS.md): the reading is kept for a decoder that did not,
/// at a cost that lets it win only on strong evidence. At a run's end the `?`
/// is a lead byte that met an ASCII one, which decoders do replace: no cost.
const WILD_INSIDE: f64 = -8.0;

/// Every GBK pair's character, or `None` when the decoder would drop it
/// (unmapped, or mapped to the private-use area).
#[inline(always)]
fn pair_table() -> &'static [Option<char>] {
    static T: OnceLock<Vec<Option<char>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = vec![None; 65536];
        let mut dec = String::new();
        for lead in 0x81u8..=0xFE {
            for trail in 0x40u8..=0xFE {
                // The sites decoded with the older CP936 table: the GB18030
                // additions encoding_rs knows (row FE low half, A989–A995, A8BF,
                // A2E3) were dropped there like user-defined codes.
                let cp936_gap = (lead == 0xFE && trail < 0xA1)
                    || (lead == 0xA9 && (0x89..=0x95).contains(&trail))
                    || (lead, trail) == (0xA8, 0xBF)
                    || (lead, trail) == (0xA2, 0xE3);
                if trail == 0x7F || cp936_gap {
                    continue;
                }
                let bytes = [lead, trail];
                let (s, bad) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
                dec.clear();
                dec.push_str(&s);
                let mut cs = dec.chars();
                if let (false, Some(c), None) = (bad, cs.next(), cs.next()) {
                    if !('\u{E000}'..='\u{F8FF}').contains(&c) && c != UNKNOWN_CHAR {
                        t[(lead as usize) << 8 | trail as usize] = Some(c);
                    }
                }
            }
        }
        t
    })
}

/// Whether a trail byte `t` followed by some lead forms a pair the decoder drops.
/// `0x80` is a trail byte (of 個, 還, 穩, 線 …) but never a lead: the pair it
/// starts always fails, so it always starts a dropped pair. (Trail bytes below
/// it are ASCII and end the run instead.)
fn starts_drops(t: u8) -> bool {
    static T: OnceLock<[bool; 256]> = OnceLock::new();
    T.get_or_init(|| {
        let mut v = [false; 256];
        for (t, x) in v.iter_mut().enumerate().skip(0x80).take(0x7F) {
            *x = (0x81u8..=0xFE).any(|l| pair(t as u8, l).is_none());
        }
        v
    })[t as usize]
}

/// The trail bytes that start dropped pairs, in byte order.
fn drop_trails() -> impl Iterator<Item = u8> {
    (0x80u8..=0xFE).filter(|&t| starts_drops(t))
}

/// Per lead byte, what its pairs decode to, in trail order, as the tables a
/// document's decoding starts with score them: every pair's character in its
/// scored form ([`Decoder::common_lead`]), and each pair whose trail starts
/// dropped pairs as its character, trail and scored form
/// ([`common_with_lead`]). Worked out once rather than per document (each
/// scores most leads' every pair).
struct LeadPairs {
    scored: Vec<char>,
    drops: Vec<(char, u8, char)>,
}

/// The [`LeadPairs`] of lead byte `l`.
fn lead_pairs(l: u8) -> &'static LeadPairs {
    static T: OnceLock<Vec<LeadPairs>> = OnceLock::new();
    &T.get_or_init(|| {
        (0..=u8::MAX)
            .map(|l| LeadPairs {
                scored: (0x40u8..=0xFE)
                    .filter_map(|t| pair(l, t))
                    .map(norm)
                    .collect(),
                drops: drop_trails()
                    .filter_map(|t| pair(l, t).map(|c| (c, t, norm(c))))
                    .collect(),
            })
            .collect()
    })[l as usize]
}

/// The trail bytes whose characters a gap of a document in `script` may start
/// with. The characters with trail byte `80` are traditional forms (個 還 穩 線 …)
/// or rare ones: a simplified document's gaps do not try them, which would cost
/// its lone `?` a third more time and never win.
fn gap_trails(script: Script) -> impl Iterator<Item = u8> {
    drop_trails().filter(move |&t| gap_trail_in(script, t))
}

/// Whether the trail byte `t`, one that starts dropped pairs, is among the
/// [`gap_trails`] of `script`.
#[inline(always)]
fn gap_trail_in(script: Script, t: u8) -> bool {
    t != 0x80 || script == Script::Traditional
}

/// The trail bytes that start dropped pairs, grouped by the lead bytes they
/// form them with (a few groups: the user-defined areas): per trail byte its
/// group, and per group which lead bytes.
struct DropGroups {
    of: [u8; 256],
    leads: Vec<[bool; 256]>,
    /// Per lead byte, the groups it is in (bit `g` for group `g`).
    groups_of: [u32; 256],
}

/// The [`DropGroups`], worked out once.
fn drop_groups() -> &'static DropGroups {
    static G: OnceLock<DropGroups> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = DropGroups {
            of: [u8::MAX; 256],
            leads: Vec::new(),
            groups_of: [0; 256],
        };
        for t in drop_trails() {
            let mut leads = [false; 256];
            for l in 0x81u8..=0xFE {
                leads[l as usize] = pair(t, l).is_none();
            }
            let at = match g.leads.iter().position(|x| *x == leads) {
                Some(i) => i,
                None => {
                    g.leads.push(leads);
                    g.leads.len() - 1
                }
            };
            g.of[t as usize] = at as u8;
        }
        assert!(g.leads.len() <= 32, "more drop groups than a mask holds");
        for (i, leads) in g.leads.iter().enumerate() {
            for (l, _) in leads.iter().enumerate().filter(|x| *x.1) {
                g.groups_of[l] |= 1 << i;
            }
        }
        g
    })
}

/// Per group of [`DropGroups`]: the items (in their order) whose lead byte
/// forms dropped pairs with the group's trail bytes, one group after another
/// in one list.
struct Grouped<T> {
    items: Vec<T>,
    /// Where each group starts in `items`, and where the last ends.
    starts: Vec<u32>,
}

impl<T: Copy> Grouped<T> {
    fn by_drop_group(items: &[T], lead: impl Fn(&T) -> u8) -> Grouped<T> {
        let g = drop_groups();
        // Each item's groups, bit by bit: counted first, for each group's room.
        let each = |x: &T, f: &mut dyn FnMut(usize)| {
            let mut m = g.groups_of[lead(x) as usize];
            while m != 0 {
                f(m.trailing_zeros() as usize);
                m &= m - 1;
            }
        };
        let mut starts = vec![0u32; g.leads.len() + 1];
        for x in items {
            each(x, &mut |i| starts[i + 1] += 1);
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut at: Vec<usize> = starts.iter().map(|&s| s as usize).collect();
        // Every slot is written over (the counts made the room).
        let mut out = match items.first() {
            Some(&x) => vec![x; starts[g.leads.len()] as usize],
            None => Vec::new(),
        };
        for x in items {
            each(x, &mut |i| {
                out[at[i]] = *x;
                at[i] += 1;
            });
        }
        Grouped { items: out, starts }
    }

    /// Group `g`'s items.
    #[inline(always)]
    fn group(&self, g: usize) -> &[T] {
        &self.items[self.starts[g] as usize..self.starts[g + 1] as usize]
    }

    /// Group by group, the items of these that `keep` keeps merged with those
    /// of `other`, both in falling order of `key`.
    fn merged(
        &self,
        other: &Grouped<T>,
        keep: impl Fn(&T) -> bool,
        key: impl Fn(&T) -> f64,
    ) -> Grouped<T> {
        let mut items = Vec::with_capacity(self.items.len() + other.items.len());
        let mut starts = Vec::with_capacity(self.starts.len());
        starts.push(0);
        for g in 0..self.starts.len() - 1 {
            let mine = self.group(g).iter().copied().filter(|x| keep(x));
            merge_into(&mut items, mine, other.group(g), |y, x| key(y) > key(x));
            starts.push(items.len() as u32);
        }
        Grouped { items, starts }
    }
}

/// Appends to `out` the items of `kept` and those of `own`, each list in the
/// order `first` (whether one goes before another) ranks them, merged in that
/// order; of equals, those of `kept` first.
fn merge_into<T: Copy>(
    out: &mut Vec<T>,
    kept: impl Iterator<Item = T>,
    own: &[T],
    first: impl Fn(&T, &T) -> bool,
) {
    let mut j = 0;
    for x in kept {
        while j < own.len() && first(&own[j], &x) {
            out.push(own[j]);
            j += 1;
        }
        out.push(x);
    }
    out.extend_from_slice(&own[j..]);
}

/// The contexts inside a gap filling: a character of it followed by another
/// one (its trail byte starts the dropped pair after it), or the line start an
/// indent leaves.
fn gap_contexts() -> &'static Contexts {
    static C: OnceLock<Contexts> = OnceLock::new();
    C.get_or_init(|| {
        let chars = drop_trails().flat_map(|t| (0x81u8..=0xFE).filter_map(move |l| pair(l, t)));
        Contexts::of(chars.map(norm).chain([EDGE]))
    })
}

/// The group of [`DropGroups`] of a trail byte that starts dropped pairs.
#[inline(always)]
fn drop_group(t: u8) -> usize {
    drop_groups().of[t as usize] as usize
}

/// The character a GBK pair decodes to, if it survives decoding.
#[inline(always)]
pub fn pair(lead: u8, trail: u8) -> Option<char> {
    pair_table()[(lead as usize) << 8 | trail as usize]
}

/// The damage of `shared/SEEDS.md`, done to `original` for measuring its repair:
/// GBK-encoded, its first byte lost (a `?` in its place), the rest decoded in
/// pairs out of step, the pairs that fail or land in the private-use area
/// dropped, until the first ASCII byte puts the stream back in step; then
/// width-folded as the saved pages were. Write `original` with the page's
/// full-width marks ([`unfold_marks`]).
pub fn damage(original: &str) -> String {
    let (bytes, _, _) = encoding_rs::GBK.encode(original);
    let b = bytes.get(1..).unwrap_or_default();
    let mut out = String::from("?");
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            out.push(b[i] as char);
            out.push_str(&encoding_rs::GBK.decode_without_bom_handling(&b[i + 1..]).0);
            break;
        }
        match b.get(i + 1) {
            // Not a trail byte: the lead is lost and the ASCII byte read again,
            // in step (a GBK decoder never swallows an ASCII byte).
            Some(&t) if t < 0x40 => i += 1,
            Some(&t) => {
                out.extend(pair(b[i], t));
                i += 2;
            }
            None => break,
        }
    }
    out.chars().map(crate::model::fold_width).collect()
}

/// A saved page's folded marks as the page had them, full width (`,` → `，`),
/// for [`damage`].
pub fn unfold_marks(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' if !c.is_ascii_alphanumeric() => {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// The two GBK bytes of a character, when it has exactly two: the pair the
/// encoder gives it, when that pair decodes to it again.
pub fn gbk2(c: char) -> Option<[u8; 2]> {
    // Asked of every character a run may span: from a table over the Basic
    // Multilingual Plane ([0, 0] where none), made once from the pairs.
    static T: OnceLock<Vec<[u8; 2]>> = OnceLock::new();
    let t = T.get_or_init(|| {
        let mut t = vec![[0u8; 2]; 0x10000];
        let mut twice = Vec::new();
        for lead in 0x81u8..=0xFE {
            for trail in 0x40u8..=0xFE {
                let Some(c) = pair(lead, trail) else { continue };
                match &mut t[c as usize] {
                    b if *b == [0, 0] => *b = [lead, trail],
                    _ => twice.push(c),
                }
            }
        }
        // A character two pairs decode to has the one its encoder gives.
        for c in twice {
            t[c as usize] = encoded2(c).unwrap_or([0, 0]);
        }
        t
    });
    match t.get(c as usize) {
        Some(&b) if b != [0, 0] => Some(b),
        _ => None,
    }
}

/// [`gbk2`] from the encoder.
fn encoded2(c: char) -> Option<[u8; 2]> {
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let (b, _, bad) = encoding_rs::GBK.encode(s);
    (!bad && b.len() == 2 && pair(b[0], b[1]) == Some(c)).then(|| [b[0], b[1]])
}

/// The bytes a run character stood for before the page was width-folded.
fn unit_bytes(c: char) -> Option<[u8; 2]> {
    match c {
        ' ' => Some([0xA1, 0xA1]),
        '!'..='~' => gbk2(char::from_u32(c as u32 + 0xFEE0)?),
        _ => gbk2(c),
    }
}

/// How a run ends.
#[derive(Clone, Debug, PartialEq)]
enum End {
    /// An ASCII trail byte.
    Trail(u8),
    /// The last trail byte is lost; the reading of the lost character when a cut
    /// annotation follows the `?` (`?wù)`).
    Lost(Option<String>),
    /// No end yet: the run goes on past [`MAX_UNITS`] (in simplified script a
    /// run goes on to the paragraph's first digit or letter), and is decoded on
    /// from where this part stops (see [`Carry`]).
    Cut,
}

/// Where the decoding of a run cut at its longest (`MAX_UNITS` units) goes on:
/// the lead byte pending after its last unit, the last character read and the
/// paired marks open.
#[derive(Clone, Copy, Debug)]
pub struct Carry {
    pending: u8,
    left: char,
    open: u8,
}

/// One run character: its two GBK bytes, or a `?` inside the run, which is `？`
/// (`A3 BF`) or a pair the decoder could not map (bytes unknown).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Known([u8; 2]),
    Wild,
}

/// A run as read from the text, before decoding.
#[derive(Debug)]
struct Template {
    units: Vec<Unit>,
    end: End,
    /// Chars consumed from the `?` on.
    len: usize,
    /// Cut pinyin annotations (`yōu)`) skipped.
    leftovers: u32,
    /// The reading in a cut annotation right after the opening `?`: it belongs to
    /// the character the misaligned decoder made of the previous character's
    /// trail byte and the first lost lead byte (們 `82 83` + `C8` → 內 `nèi`).
    start_reading: Option<String>,
}

impl Template {
    /// How clearly the text bears the marks of a run beyond its `?`. Sure: a
    /// cut pinyin annotation, an ASCII trail byte the site annotated as a
    /// character (`岸Y(jié)`), or, at a paragraph start, the lost ideographic
    /// space (`?。`). Likely: a lone ASCII trail byte between non-ASCII
    /// characters (`皶r尚`).
    fn signed(&self, chars: &[char], start: usize, left: char) -> Signs {
        let end = start + self.len;
        let trail = matches!(self.end, End::Trail(_));
        let annotated_trail = trail && pinyin::annotation_len(chars, end, true).is_some();
        // A space after the `?` may be the ideographic space's second byte with
        // a mark's first, or a space after a bullet a page lost (`? 提前兑现…`):
        // it shows the lost space only where the stream is back in step right
        // after it (`　——2021年…` lost as `? 2021年…`); other text after it is
        // a run's only if it reads as one.
        let spaced = |c: char| c == ' ' || c == INDENT;
        let shown = match chars.get(start + 1) {
            Some(&c) if spaced(c) => chars.get(start + 2).is_some_and(|c| c.is_ascii()),
            c => c.is_some(),
        };
        let indent = (left == EDGE || left == '\n')
            && shown
            && matches!(self.units.first(), Some(Unit::Known([0xA1, _])));
        if self.leftovers > 0 || self.start_reading.is_some() || annotated_trail || indent {
            Signs::Sure
        } else if trail
            && !self.units.is_empty()
            && chars.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            // (A trail byte alone shows nothing beyond the `?`.)
            Signs::Likely
        } else {
            Signs::None
        }
    }
}

/// How clearly the text shows a run, apart from how its decoding reads.
#[derive(Clone, Copy, PartialEq)]
enum Signs {
    None,
    Likely,
    Sure,
}

/// A cut annotation `yōu)` at `chars[i]`: its length and first syllable.
fn leftover(chars: &[char], i: usize) -> Option<(usize, String)> {
    let n = pinyin::leftover_len(chars, i)?;
    let inner: String = chars[i..i + n - 1].iter().collect();
    let first = inner.split(' ').next().unwrap_or("").to_string();
    Some((n, first))
}

/// Whether `c` can be a run character: trail byte then lead byte.
pub(super) fn run_unit(c: char) -> Option<[u8; 2]> {
    unit_bytes(c).filter(|b| b[0] >= 0x80 && b[1] >= 0x81)
}

/// HTML elements a page's markup names, and whether each ends a block of text.
const TAGS: [(&str, bool); 23] = [
    ("p", true),
    ("br", true),
    ("div", true),
    ("li", true),
    ("tr", true),
    ("td", false),
    ("th", false),
    ("h1", true),
    ("h2", true),
    ("h3", true),
    ("h4", true),
    ("h5", true),
    ("h6", true),
    ("ul", true),
    ("ol", true),
    ("table", true),
    ("tbody", true),
    ("span", false),
    ("strong", false),
    ("font", false),
    ("em", false),
    ("b", false),
    ("a", false),
];

/// The rest of an HTML tag at `at` whose `<` a run's last lead byte swallowed
/// (`職責?/p>`, `?br />`): the page's markup, which shows only where the damage
/// broke it. Its length, and whether the tag ends a block of text.
pub fn tag_rest(chars: &[char], at: usize) -> Option<(usize, bool)> {
    let mut i = at + usize::from(chars.get(at) == Some(&'/'));
    let name_at = i;
    while chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) && i - name_at < 6 {
        i += 1;
    }
    let name: String = chars[name_at..i].iter().collect();
    let block = TAGS.iter().find(|t| t.0.eq_ignore_ascii_case(&name))?.1;
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    i += usize::from(chars.get(i) == Some(&'/'));
    (chars.get(i) == Some(&'>')).then_some((i + 1 - at, block))
}

/// Every way of reading a run at `chars[start]`: a `?` inside the run may be
/// its end (the last trail byte lost) or part of it, so each such `?` gives one
/// more template, shortest first.
fn read_templates(chars: &[char], start: usize, later_part: bool) -> Vec<Template> {
    let mut out = Vec::new();
    // A `?` before what is left of a tag is a character lost to its `<`, no run.
    if !later_part && tag_rest(chars, start + 1).is_some() {
        return out;
    }
    // A run's units start after its `?`, or where its last part stopped.
    let from = if later_part { start } else { start + 1 };
    let mut i = from;
    let mut leftovers = 0;
    let mut start_reading = None;
    let cut_annotation = if later_part { None } else { leftover(chars, i) };
    if let Some((n, r)) = cut_annotation {
        i += n;
        leftovers += 1;
        start_reading = Some(r);
    }
    let mut units = Vec::new();
    let push = |units: &Vec<Unit>, end: End, to: usize, leftovers: u32, out: &mut Vec<Template>| {
        // Something must be explained: a CJK character in the run, or folded
        // full-width units (`優化?;I辦`: `;` is `；`, `I` a trail byte).
        // Or nothing but an ASCII trail byte at a line's start, before prose
        // (`?^政府`: the indent's first byte lost, the pair of its second and
        // 區's lead dropped, `^` is 區's trail). Mid-line, `?X光` is as likely a
        // lost character before a Latin letter: left alone.
        let bare_trail = units.is_empty()
            && matches!(end, End::Trail(_))
            && chars.get(to).is_some_and(|&c| is_ideograph(c))
            && !later_part
            && (start == 0 || chars[start - 1] == '\n');
        let cjk = chars[from..to].iter().any(|c| !c.is_ascii()) || !units.is_empty();
        let informative = !units.is_empty() || start_reading.is_some();
        if cjk || bare_trail || start_reading.is_some() && informative {
            out.push(Template {
                units: units.clone(),
                end,
                len: to - start,
                leftovers,
                start_reading: start_reading.clone(),
            });
        }
    };
    loop {
        if units.len() >= MAX_UNITS {
            push(&units, End::Cut, i, leftovers, &mut out);
            break;
        }
        let Some(&c) = chars.get(i) else {
            push(&units, End::Lost(None), i, leftovers, &mut out);
            break;
        };
        match c {
            '?' => {
                // The run's last lead byte met a tag's `<`.
                if tag_rest(chars, i + 1).is_some() {
                    push(&units, End::Lost(None), i + 1, leftovers, &mut out);
                    break;
                }
                let mut j = i + 1;
                let mut reading = None;
                let mut left = leftovers;
                if let Some((n, r)) = leftover(chars, j) {
                    j += n;
                    left += 1;
                    reading = Some(r);
                }
                let cut = reading.is_some();
                push(&units, End::Lost(reading), j, left, &mut out);
                if cut || chars.get(i + 1).and_then(|&n| run_unit(n)).is_none() {
                    break;
                }
                units.push(Unit::Wild);
            }
            '@'..='~' => {
                // Or a folded full-width form (`Ｌ` is `A3 CC`) inside a run
                // that has shown non-ASCII characters already, or that goes on
                // with one (`。我` lost its first byte: `A3 CE` is `Ｎ`, then
                // `D2 82` …), maybe after an ASCII trail byte (`。認`: `A3 D5`
                // is `Ｕ`, then `J`); never in ASCII text like `a.php?id=3`.
                let goes_on = |k: usize| chars.get(k).is_some_and(|&n| !n.is_ascii());
                let inside = chars[from..i].iter().any(|c| !c.is_ascii())
                    || goes_on(i + 1) && run_unit(chars[i + 1]).is_some()
                    || matches!(chars.get(i + 1), Some('@'..='~')) && goes_on(i + 2);
                // Past the most templates, the run goes on to where it must end
                // (or is cut at its longest, and goes on from there).
                let unit = run_unit(c).filter(|_| inside);
                if out.len() < MAX_TEMPLATES || unit.is_none() {
                    push(&units, End::Trail(c as u8), i + 1, leftovers, &mut out);
                }
                match unit {
                    Some(b) => units.push(Unit::Known(b)),
                    None => break,
                }
            }
            _ => {
                // A digit or a space where a trail should be puts the stream
                // back in step (the lead before it lost: `日期 :` reads `…掌 :`);
                // or it is a folded full-width form (`１` is `A3 B1`, a space
                // `　`) standing for two run bytes.
                // Two digits in a row never both are: a pair reads as a digit
                // (`A3 B0`…`A3 B9`) only after a trail byte `A3`, and its own
                // trail byte then leads a character, which is never one.
                let two_digits =
                    c.is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                let unit = run_unit(c).filter(|_| !two_digits);
                let in_step = c.is_ascii_digit() || c == ' ';
                if unit.is_none() || in_step && out.len() < MAX_TEMPLATES {
                    push(&units, End::Lost(None), i, leftovers, &mut out);
                }
                match unit {
                    Some(b) => units.push(Unit::Known(b)),
                    None => break,
                }
            }
        }
        i += 1;
    }
    out.retain(|t| {
        !t.units.is_empty() || t.start_reading.is_some() || matches!(t.end, End::Trail(_))
    });
    out
}

/// One decoded character of a run: where it sits (the index of the run
/// character it was formed at, where its rivals are compared) and whether a byte
/// of it was never seen (lost, or in a dropped pair).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Out {
    at: u16,
    c: char,
    hidden: bool,
}

#[derive(Clone)]
struct Hyp {
    score: f64,
    prev: char,
    pending: u8,
    out: Vec<Out>,
    /// Per output character (its boundary and place there): how far ahead of
    /// its best rival this hypothesis is. A few: a list is quicker to copy
    /// than a map.
    margin: Margins,
    /// The readings it beat that reached its state: either would go on the
    /// same way, so one may still take its place when words are weighed.
    rivals: Rivals,
    /// Which kinds of [`PAIRED`] marks are open after its characters.
    open: u8,
}

/// Per output character (its boundary and place there), a margin.
type Margins = Vec<((u16, u8), f64)>;

/// The rivals a hypothesis beat, newest first, sharing the older ones with the
/// hypotheses it grew from (a beam copies its hypotheses level after level): a
/// list in a run's [`RivalStore`], by where its newest node is (0 for none).
#[derive(Clone, Copy, Default, PartialEq)]
struct Rivals(u32);

impl Rivals {
    fn is_empty(self) -> bool {
        self == Rivals::default()
    }
}

/// The nodes of every list of [`Rivals`] of a run's hypotheses, and their
/// characters: kept side by side until the run is read, rather than each in
/// a place of its own (a beam records thousands, and drops most with the
/// hypotheses that held them).
#[derive(Default)]
struct RivalStore {
    /// Each node's rival (its characters a range of `chars`) and the node
    /// after it (0 for none); node `i` is list `i + 1`.
    nodes: Vec<(Rival<std::ops::Range<u32>>, Rivals)>,
    chars: Vec<Out>,
}

impl RivalStore {
    /// `list` with `rival` (characters `seg`) before the rest.
    fn push(&mut self, list: &mut Rivals, gap: f64, from: usize, upto: usize, seg: &[Out]) {
        let at = self.chars.len() as u32;
        self.chars.extend_from_slice(seg);
        let seg = at..self.chars.len() as u32;
        self.nodes.push((
            Rival {
                gap,
                from,
                upto,
                seg,
            },
            *list,
        ));
        *list = Rivals(self.nodes.len() as u32);
    }

    /// The rivals of `list`, oldest first.
    fn oldest_first(&self, list: Rivals) -> Vec<Seen<'_>> {
        let mut all = Vec::new();
        let mut at = list;
        while !at.is_empty() {
            let (r, next) = &self.nodes[at.0 as usize - 1];
            let seg = &self.chars[r.seg.start as usize..r.seg.end as usize];
            all.push(Rival {
                gap: r.gap,
                from: r.from,
                upto: r.upto,
                seg,
            });
            at = *next;
        }
        all.reverse();
        all
    }
}

/// A reading a hypothesis beat by `gap`, from where the two part to where they
/// meet again in one state: the winner's characters `[from, upto)` are `seg`
/// in the rival (kept as where they are in a [`RivalStore`], or read from it).
struct Rival<S> {
    gap: f64,
    from: usize,
    upto: usize,
    seg: S,
}

/// A rival as read from a [`RivalStore`].
type Seen<'a> = Rival<&'a [Out]>;

impl Hyp {
    fn push(&mut self, d: &Decoder, at: u16, c: char, hidden: bool, extra: f64) {
        step(d, &mut self.score, &mut self.prev, &mut self.open, c, extra);
        self.out.push(Out { at, c, hidden });
    }
}

/// The score, context and open marks after one more character.
#[inline(always)]
fn step(d: &Decoder, score: &mut f64, prev: &mut char, open: &mut u8, c: char, extra: f64) {
    if is_indent(*prev, c) {
        *score += extra;
        return;
    }
    let n = norm(c);
    *score += d.logp(*prev, n) + d.off_script(c) + extra + line_start(*prev, n);
    *prev = n;
    pairing(score, open, c);
}

/// A mark that never begins a line of Chinese text (a pause, a stop, a closing
/// bracket or quotation mark: the typesetting rule that keeps them off a line's
/// start; a percent sign, which follows its figure), in its scored form.
const NO_LINE_START: [char; 19] = [
    ',', '、', '。', '.', ';', ':', '?', '!', ')', ']', '》', '」', '』', '】', '〕', '〉', '”',
    '%', '‰',
];

/// Such a mark at a line start: the character model, knowing only which
/// characters follow a line start how often, would take `、` there for a common
/// character like any other.
const MARK_AT_LINE_START: f64 = -6.0;

/// What scored form `n` adds after `prev` for where it stands.
#[inline(always)]
fn line_start(prev: char, n: char) -> f64 {
    match prev == EDGE && NO_LINE_START.contains(&n) {
        true => MARK_AT_LINE_START,
        false => 0.0,
    }
}

/// The ideographic space a paragraph is indented with.
const INDENT: char = '\u{3000}';

/// Whether `c` is a paragraph's indent: the ideographic space at a line start.
/// A run at a paragraph start lost the indent's first byte, so readings begin
/// with it; but the saved pages dropped indents, so the character model has
/// never seen one. It neither costs anything nor ends the line start.
#[inline]
fn is_indent(prev: char, c: char) -> bool {
    c == INDENT && prev == EDGE
}

/// The penalty for a paired mark that does not pair, and the marks open after `c`.
#[inline(always)]
fn pairing(score: &mut f64, open: &mut u8, c: char) {
    // Nearly every character is no mark: answered without a search.
    if !is_paired(c) {
        return;
    }
    if let Some(k) = PAIRED.iter().position(|p| p.0 == c) {
        if *open & 1 << k != 0 {
            *score += UNPAIRED;
        }
        *open |= 1 << k;
    } else if let Some(k) = PAIRED.iter().position(|p| p.1 == c) {
        if *open & 1 << k == 0 {
            *score += UNPAIRED;
        }
        *open &= !(1 << k);
    }
}

/// A hypothesis extended by a few characters (all at one place), not copied
/// out yet: the beam cuts most of them.
#[derive(Clone, Copy)]
struct Cand {
    score: f64,
    prev: char,
    pending: u8,
    open: u8,
    /// The hypothesis extended: its level and index in the decoder's store.
    parent: (u32, u32),
    at: u16,
    hidden: bool,
    len: u8,
    chars: [char; 3],
}

impl Cand {
    /// `h` (at `parent`), to be extended by characters at `at`.
    #[inline(always)]
    fn of(h: &Hyp, parent: (usize, usize), at: u16, hidden: bool) -> Cand {
        Cand {
            score: h.score,
            prev: h.prev,
            pending: h.pending,
            open: h.open,
            parent: (parent.0 as u32, parent.1 as u32),
            at,
            hidden,
            len: 0,
            chars: ['\0'; 3],
        }
    }

    #[inline(always)]
    fn push(&mut self, d: &Decoder, c: char, extra: f64) {
        step(d, &mut self.score, &mut self.prev, &mut self.open, c, extra);
        self.chars[self.len as usize] = c;
        self.len += 1;
    }

    /// The characters of a gap filling, with what they add worked out already
    /// after the first.
    #[inline(always)]
    fn fill(&mut self, d: &Decoder, f: &Filling) {
        if f.chars[0] == INDENT {
            // Scored in context: an indent leaves it as it was.
            for &c in &f.chars[..f.len as usize] {
                self.push(d, c, 0.0);
            }
            return;
        }
        self.fill_after(f, d.first_term(self.prev, f));
    }

    /// The characters of a gap filling that starts with no indent, its first
    /// adding `first` ([`Decoder::first_term`]).
    #[inline(always)]
    fn fill_after(&mut self, f: &Filling, first: f64) {
        for i in 0..f.len as usize {
            let c = f.chars[i];
            self.score += if i == 0 { first } else { f.terms[i] };
            self.prev = f.norms[i];
            pairing(&mut self.score, &mut self.open, c);
            self.chars[self.len as usize] = c;
            self.len += 1;
        }
    }

    fn parent<'s>(&self, store: &'s [Vec<Hyp>]) -> &'s Hyp {
        &store[self.parent.0 as usize][self.parent.1 as usize]
    }

    fn ext(&self) -> impl Iterator<Item = Out> + '_ {
        self.chars[..self.len as usize].iter().map(|&c| Out {
            at: self.at,
            c,
            hidden: self.hidden,
        })
    }

    /// The hypothesis it stands for.
    fn hyp(&self, store: &[Vec<Hyp>], outs: &mut Vec<Vec<Out>>, margins: &mut Vec<Margins>) -> Hyp {
        let parent = self.parent(store);
        let mut out = outs.pop().unwrap_or_default();
        out.reserve(parent.out.len() + self.len as usize);
        out.extend_from_slice(&parent.out);
        out.extend(self.ext());
        let mut margin = match parent.margin.is_empty() {
            true => Vec::new(),
            false => margins.pop().unwrap_or_default(),
        };
        margin.extend_from_slice(&parent.margin);
        Hyp {
            score: self.score,
            prev: self.prev,
            pending: self.pending,
            out,
            margin,
            rivals: parent.rivals,
            open: self.open,
        }
    }

    /// Its characters, into `buf`.
    fn out_into(&self, store: &[Vec<Hyp>], buf: &mut Vec<Out>) {
        buf.clear();
        buf.extend_from_slice(&self.parent(store).out);
        buf.extend(self.ext());
    }
}

/// A run undone: its characters, and whether each is a confident recovery.
pub struct Decoded {
    /// Chars consumed from the `?` (or where the part before stopped) on.
    pub len: usize,
    /// Where the run goes on, when it does (its next part starts at `len`).
    pub carry: Option<Carry>,
    /// Each output character; `None` where it could not be recovered.
    pub chars: Vec<Option<char>>,
    pub leftovers: u32,
}

/// What a run is decoded with: the document's character model and script, the
/// readings characters may have, and where its numbering stands.
pub struct Context<'a> {
    pub model: &'a CharModel,
    pub script: Script,
    /// Which syllables each character may be read as.
    pub readings: &'a pinyin::Readings,
    /// The numeral the next level-2 heading `(N)` should carry, when the run
    /// starts a line.
    pub next_numeral: Option<u32>,
    /// The numeral the next level-1 heading `N、` should carry, when the run
    /// starts a line.
    pub next_part: Option<u32>,
    /// What the document's runs have worked out already.
    pub memo: &'a Memo<'a>,
}

impl Context<'_> {
    /// Whether a heading with this numbering and numeral is the one expected
    /// next.
    fn expects(&self, (level, n): (Level, u32)) -> bool {
        let next = match level {
            Level::Part => self.next_part,
            Level::Sub => self.next_numeral,
        };
        next == Some(n)
    }
}

/// Gap fillings and lead statistics: they depend only on the document's
/// character model and script, so every run of a document shares them, and so
/// do the threads that read parts of it side by side (each through a
/// [`Memo`] of its own).
#[derive(Default)]
pub struct Tables {
    gaps1: ByPair<Fillings>,
    gaps2: ByPair<Fillings>,
    /// Per lead byte: the likeliest first two characters of a double gap.
    heads2: ByByte<Heads>,
    /// Per lead byte: whether its gaps are tried at a run's start.
    common_leads: OnceLock<[bool; 256]>,
    /// The likeliest characters second in a double gap (a few per lead byte).
    seconds: OnceLock<Seconds>,
    /// Per pending lead byte: the characters a gap may start with, most first.
    starts: ByByte<Starts>,
    /// For [`CharModel::logp_known`].
    known: OnceLock<Vec<Slot>>,
    /// For [`CharModel::logp_bound`], over every context and over
    /// [`gap_contexts`].
    bounds: OnceLock<Bounds>,
    gap_bounds: OnceLock<Bounds>,
    /// Per known byte: the characters a gap may end with before it.
    ends: ByByte<Ends>,
    /// Per pending lead byte: the characters a lost trail may complete it to.
    lost: ByByte<Lost>,
}

/// A table of [`Tables`] by byte, made one entry at a time as the runs ask:
/// by the first thread to ask for an entry, then read without a lock. A thread
/// asking for one being made waits for it; making one may ask for entries of
/// other tables, never (even through them) for its own, so no thread waits
/// on one it holds.
struct ByByte<V>(Box<[OnceLock<V>]>);

impl<V> Default for ByByte<V> {
    fn default() -> ByByte<V> {
        ByByte((0..256).map(|_| OnceLock::new()).collect())
    }
}

impl<V> ByByte<V> {
    #[inline(always)]
    fn get(&self, key: u8, make: impl FnOnce() -> V) -> &V {
        self.0[usize::from(key)].get_or_init(make)
    }
}

/// A [`ByByte`] table by two bytes: a row per first byte, made as first asked
/// for.
#[derive(Default)]
struct ByPair<V>(ByByte<ByByte<V>>);

impl<V> ByPair<V> {
    #[inline(always)]
    fn get(&self, (a, b): (u8, u8), make: impl FnOnce() -> V) -> &V {
        self.0.get(a, ByByte::default).get(b, make)
    }
}

/// A thread's way to a document's [`Tables`], with the room its run decoders
/// reuse.
pub struct Memo<'t> {
    tables: &'t Tables,
    /// What a run's decoder leaves for the next one to reuse the room of: its
    /// cutoffs, its rival store and its [`Room`].
    cuts: Cell<Cutoffs>,
    rivals: Cell<RivalStore>,
    room: Cell<Room>,
}

impl<'t> Memo<'t> {
    pub fn new(tables: &'t Tables) -> Memo<'t> {
        Memo {
            tables,
            cuts: Cell::default(),
            rivals: Cell::default(),
            room: Cell::default(),
        }
    }
}

/// The characters a gap may end with before a given known byte (the trail of
/// the last hidden lead): each with its lead byte, its scored form, its
/// off-script penalty and the most it may add to a score; and the most any may.
/// The most is [`CharModel::logp_bound`] over [`gap_contexts`] plus the
/// penalty, which the bound's slack keeps above the score however its terms are
/// summed.
struct Ends {
    /// Per group of [`DropGroups`]: those whose lead byte drops with its
    /// trail bytes.
    sorted: ByGroup<End2>,
    most: f64,
}

/// Gap ends in the two orders a row of gap fillings walks them: all by what
/// each adds after a context it was never seen with (after nearly every
/// context: most pairs of characters never occur), and those seen after some
/// gap character by the most each may add. The first is exact for all but a
/// few, so the likeliest fillings come first and the rest can be set aside
/// unscored.
#[derive(Clone, Copy)]
struct EndOrders<'e, X> {
    by_unseen: &'e [X],
    seen_by_most: &'e [X],
}

/// [`EndOrders`] per group of [`DropGroups`]: the items whose lead drops with
/// its trail bytes.
struct ByGroup<X> {
    by_unseen: Grouped<X>,
    seen_by_most: Grouped<X>,
}

impl<X: Copy + AsRef<End2>> ByGroup<X> {
    fn of(items: &[X]) -> ByGroup<X> {
        // Equals may come in any order: a row's walk stops at a value.
        let mut by_unseen = items.to_vec();
        by_unseen.sort_unstable_by(|x, y| y.as_ref().unseen.total_cmp(&x.as_ref().unseen));
        let mut seen: Vec<X> = items.iter().filter(|x| x.as_ref().seen).copied().collect();
        seen.sort_unstable_by(|x, y| y.as_ref().most.total_cmp(&x.as_ref().most));
        let lead = |x: &X| x.as_ref().lead;
        ByGroup {
            by_unseen: Grouped::by_drop_group(&by_unseen, lead),
            seen_by_most: Grouped::by_drop_group(&seen, lead),
        }
    }

    /// These without the items `keep` turns down, and with `own` in their
    /// places in both orders (equals in either order, as in [`ByGroup::of`]).
    fn with(&self, own: &[X], keep: impl Fn(&X) -> bool) -> ByGroup<X> {
        let own = ByGroup::of(own);
        ByGroup {
            by_unseen: (self.by_unseen).merged(&own.by_unseen, &keep, |x| x.as_ref().unseen),
            seen_by_most: (self.seen_by_most).merged(&own.seen_by_most, &keep, |x| x.as_ref().most),
        }
    }

    /// Group `g`'s.
    #[inline(always)]
    fn group(&self, g: usize) -> EndOrders<'_, X> {
        EndOrders {
            by_unseen: self.by_unseen.group(g),
            seen_by_most: self.seen_by_most.group(g),
        }
    }
}

/// The likeliest characters second in a double gap, per group of
/// [`DropGroups`] those whose lead drops with its trails; and the most any
/// may add to a score.
struct Seconds {
    groups: ByGroup<Second>,
    most: f64,
}

/// One of the likeliest characters second in a double gap: its rank among
/// those of its lead byte, the trail byte it ends with, and it as a gap's end.
#[derive(Clone, Copy)]
struct Second {
    rank: u8,
    trail: u8,
    end: End2,
}

impl AsRef<End2> for Second {
    fn as_ref(&self) -> &End2 {
        &self.end
    }
}

/// The characters a gap may start with after a pending lead byte.
struct Starts {
    /// Each with its context-free score (a filling starts with it), its trail
    /// byte, its log-probability at a line start and its off-script penalty;
    /// best first.
    list: Vec<(f64, u8, char, f64, f64)>,
    /// The most any may add to a hypothesis's score.
    most: f64,
}

/// One character of [`Ends`]. It follows a character of the gap, so the most
/// it may add is bounded over [`gap_contexts`]; and what it adds after one it
/// was never seen with ([`CharModel::logp_unseen`] plus the penalty) is what it
/// adds after every one when `seen` is false.
#[derive(Clone, Copy)]
struct End2 {
    lead: u8,
    c: char,
    norm: char,
    off: f64,
    most: f64,
    unseen: f64,
    seen: bool,
}

impl AsRef<End2> for End2 {
    fn as_ref(&self) -> &End2 {
        self
    }
}

/// The characters a lost trail byte may complete a pending lead to, each with
/// the most it may add as a gap's first character ([`Decoder::first_most`]).
type Lost = Vec<(char, f64)>;

/// The likeliest first two characters of a double gap, with the trail byte the
/// second ends with and their context-free score.
type Heads = Vec<(Filling, u8, f64)>;

/// Candidate fillings of hidden dropped pairs between a pending lead and the next
/// known lead-position byte, best first by a context-free score.
type Fillings = Vec<Gap>;

/// A gap filling, with the most it may add to a hypothesis's score (its first
/// character's bigram at its largest, [`CharModel::logp_bound`]) and the most any
/// filling from it on in its list may: the decoder builds none that cannot
/// matter.
#[derive(Clone, Copy)]
struct Gap {
    f: Filling,
    most: f64,
    rest: f64,
    /// Which of the distinct first characters of its list it starts with.
    first: u8,
    /// Its last character's scored form, and whether it has a [`PAIRED`] mark:
    /// what the state of a hypothesis it extends is.
    last: char,
    paired: bool,
}

/// The characters of one gap filling, their scored forms, and what each after
/// the first adds to a hypothesis's score (the first's depends on the context).
#[derive(Clone, Copy)]
struct Filling {
    len: u8,
    chars: [char; 3],
    norms: [char; 3],
    terms: [f64; 3],
}

/// The `k` best candidates by context-free score, ties in the order of their
/// keys (where a stable sort of the candidates in key order would put them),
/// with what each needs to be built. Candidates may come in any order, so the
/// likeliest can come first and the rest be set aside, before they are scored,
/// by an upper bound of their score.
struct BestK<T> {
    k: usize,
    /// The kept, best first (few, so kept in order by insertion); each with
    /// where its parts are in `parts` (small, so cheap to move about).
    kept: Vec<Ranked>,
    parts: Vec<T>,
    /// The worst kept score once `k` are kept, else minus infinity.
    floor: f64,
}

/// A kept candidate: its score, its key, and where its parts are.
struct Ranked(f64, u32, u32);

impl Ranked {
    /// Better first: higher score, then earlier key.
    #[inline(always)]
    fn rank(&self, other: &Self) -> std::cmp::Ordering {
        other.0.total_cmp(&self.0).then(self.1.cmp(&other.1))
    }
}

impl<T: Copy> BestK<T> {
    fn new(k: usize) -> BestK<T> {
        BestK {
            k,
            kept: Vec::with_capacity(k),
            parts: Vec::with_capacity(k),
            floor: f64::NEG_INFINITY,
        }
    }

    /// Whether a candidate scoring at most `bound` would surely be cut.
    #[inline(always)]
    fn cuts(&self, bound: f64) -> bool {
        bound < self.floor
    }

    /// Offers a candidate.
    #[inline(always)]
    fn offer(&mut self, score: f64, key: u32, x: T) {
        let slot = if self.kept.len() < self.k {
            self.parts.push(x);
            self.parts.len() - 1
        } else {
            // Once full, a better one takes the worst one's place.
            match self.kept.last() {
                Some(w) if Ranked(score, key, 0).rank(w).is_lt() => {
                    let slot = w.2 as usize;
                    self.kept.pop();
                    self.parts[slot] = x;
                    slot
                }
                _ => return,
            }
        };
        let r = Ranked(score, key, slot as u32);
        let at = self.kept.partition_point(|w| w.rank(&r).is_lt());
        self.kept.insert(at, r);
        if self.kept.len() == self.k {
            self.floor = self.kept[self.k - 1].0;
        }
    }

    /// The kept, best first, with their scores.
    fn into_sorted(self) -> impl Iterator<Item = (f64, T)> {
        let parts = self.parts;
        (self.kept.into_iter()).map(move |Ranked(s, _, i)| (s, parts[i as usize]))
    }
}

/// What a gap's characters are scored with: a character model, its tables,
/// and the document's script.
#[derive(Clone, Copy)]
struct Scorer<'a> {
    model: &'a CharModel,
    script: Script,
    known: &'a [Slot],
    bounds: &'a Bounds,
    gap_bounds: &'a Bounds,
}

impl<'a> Scorer<'a> {
    /// The scorer of a document with no text of its own, in `script`: what it
    /// gives a character is what every document gives one its text does not
    /// have ([`CharModel::has`]).
    fn shipped(script: Script) -> Scorer<'static> {
        static S: OnceLock<(CharModel, Vec<Slot>, Bounds, Bounds)> = OnceLock::new();
        let (model, known, bounds, gap_bounds) = S.get_or_init(|| {
            let model = CharModel::new(&[]);
            let bounds = model.bound_table(Contexts::all());
            let gap_bounds = model.bound_table(gap_contexts());
            (model, CharModel::known_table(), bounds, gap_bounds)
        });
        Scorer {
            model,
            script,
            known,
            bounds,
            gap_bounds,
        }
    }

    /// `c`, with lead byte `lead`, as a gap's end.
    fn end(&self, lead: u8, c: char) -> End2 {
        let (norm, off) = (norm(c), off_script_in(self.script, c));
        End2 {
            lead,
            c,
            norm,
            off,
            most: self.model.logp_bound(norm, self.gap_bounds) + off,
            unseen: self.model.logp_unseen(norm, self.known) + off,
            seen: self.model.seen_after(norm, self.gap_bounds),
        }
    }

    /// `c`, with trail byte `t`, as a gap's first character (an entry of
    /// [`Starts`]), and the most it may add ([`Scorer::first_most`]).
    fn start(&self, t: u8, c: char) -> ((f64, u8, char, f64, f64), f64) {
        let first = match is_indent(EDGE, c) {
            true => 0.0,
            false => self.model.logp_known(EDGE, norm(c), self.known),
        };
        let off = off_script_in(self.script, c);
        ((first + off, t, c, first, off), self.first_most(c))
    }

    /// The most `c` may add to a score as a gap's first character: its bigram at
    /// its largest, or nothing when it is an indent at a line start.
    fn first_most(&self, c: char) -> f64 {
        let most = self.model.logp_bound(norm(c), self.bounds) + off_script_in(self.script, c);
        match c {
            INDENT => most.max(0.0),
            _ => most,
        }
    }
}

/// Per script and byte: [`Ends`] and [`Starts`] as [`Scorer::shipped`] scores
/// them, made as first asked for and kept for every document after. A
/// document's own are these with the characters its text has scored again
/// ([`Decoder::ends`], [`Decoder::starts`]): most characters of a table are
/// in no one document, and their scores are the same in all.
struct ShippedTables {
    ends: [ByByte<ShippedEnds>; 2],
    starts: [ByByte<ShippedStarts>; 2],
}

/// [`Starts`] with the most each may add ([`Scorer::first_most`]).
struct ShippedStarts {
    starts: Starts,
    mosts: Vec<f64>,
}

/// The ends before a known byte, in lead byte order and in the two orders
/// of [`Ends`].
struct ShippedEnds {
    all: Vec<End2>,
    sorted: ByGroup<End2>,
}

fn shipped_tables() -> &'static ShippedTables {
    static T: OnceLock<ShippedTables> = OnceLock::new();
    T.get_or_init(|| ShippedTables {
        ends: Default::default(),
        starts: Default::default(),
    })
}

/// The index of `script` in [`ShippedTables`].
fn script_index(script: Script) -> usize {
    match script {
        Script::Simplified => 0,
        Script::Traditional => 1,
    }
}

/// The ends before the known byte `a` in a `script` document with no text.
fn shipped_ends(script: Script, a: u8) -> &'static ShippedEnds {
    shipped_tables().ends[script_index(script)].get(a, || {
        let sc = Scorer::shipped(script);
        let all: Vec<End2> = (0x81u8..=0xFE)
            .filter_map(|lead| Some(sc.end(lead, pair(lead, a)?)))
            .collect();
        ShippedEnds {
            sorted: ByGroup::of(&all),
            all,
        }
    })
}

/// The starts after the pending lead `p` in a `script` document with no text.
fn shipped_starts(script: Script, p: u8) -> &'static ShippedStarts {
    shipped_tables().starts[script_index(script)].get(p, || {
        let sc = Scorer::shipped(script);
        let mut all: Vec<_> = gap_trails(script)
            .filter_map(|t| Some(sc.start(t, pair(p, t)?)))
            .collect();
        all.sort_by(|x, y| start_order(&x.0, &y.0));
        let most = all.iter().fold(f64::NEG_INFINITY, |m, x| m.max(x.1));
        ShippedStarts {
            starts: Starts {
                list: all.iter().map(|x| x.0).collect(),
                most,
            },
            mosts: all.iter().map(|x| x.1).collect(),
        }
    })
}

/// The order of [`Starts`]: best first, equals in trail byte order.
fn start_order(x: &(f64, u8, char, f64, f64), y: &(f64, u8, char, f64, f64)) -> std::cmp::Ordering {
    y.0.total_cmp(&x.0).then(x.1.cmp(&y.1))
}

struct Decoder<'a> {
    ctx: &'a Context<'a>,
    /// The [`PAIRED`] marks open before the run and those the rest of its line
    /// closes, so open after it.
    open_before: u8,
    open_after: u8,
    /// The document's tables for [`CharModel::logp_known`] and
    /// [`CharModel::logp_bound`].
    known: &'a [Slot],
    bounds: &'a Bounds,
    gap_bounds: &'a Bounds,
    /// The beams the last template decoded left, when a longer template may go
    /// on from them.
    beam: Option<Beam>,
    cuts: Cutoffs,
    /// Set when a template's decoding stopped because no reading of it could
    /// beat a shorter one's (see [`Decoder::decode`]): nor can any longer one.
    outscored: bool,
    /// The reading last asked of in [`Decoder::reading_score`] and what it
    /// said of each character.
    readings: RefCell<(String, HashMap<char, f64>)>,
    /// The rivals its hypotheses beat.
    rivals: RivalStore,
    room: Room,
}

impl Drop for Decoder<'_> {
    /// The next run's decoder reuses the room of its cutoffs, rival store and
    /// candidate lists.
    fn drop(&mut self) {
        if let Some(b) = self.beam.take() {
            self.room.give_back(b.cands);
            self.room.recycle(b.store);
        }
        self.ctx.memo.cuts.set(std::mem::take(&mut self.cuts));
        self.ctx.memo.rivals.set(std::mem::take(&mut self.rivals));
        self.ctx.memo.room.set(std::mem::take(&mut self.room));
    }
}

/// Room that decoding reuses from level to level, template to template and
/// run to run, rather than allocating it anew: the levels' candidate lists,
/// and what [`prune`] works with.
#[derive(Default)]
struct Room {
    /// Emptied lists of candidates, a template's worth ([`MAX_UNITS`] + 1).
    lists: Vec<Vec<Vec<Cand>>>,
    /// Per state, the index of its best candidate; per kept state, its best's
    /// score and index (see [`relevant`]).
    best: HashMap<u64, usize>,
    kept: HashMap<u64, (f64, usize)>,
    bests: Vec<usize>,
    relevant: Vec<usize>,
    order: Vec<(f64, usize)>,
    states: Vec<u64>,
    rival: Vec<Out>,
    /// Emptied beams of a level, and emptied characters and margins of the
    /// hypotheses in them: a level's beam is made of these ([`prune`]).
    beams: Vec<Vec<Hyp>>,
    outs: Vec<Vec<Out>>,
    margins: Vec<Margins>,
}

impl Room {
    /// A template's beams done with, emptied for the levels to come.
    fn recycle(&mut self, store: Vec<Vec<Hyp>>) {
        for mut beam in store {
            for h in beam.drain(..) {
                self.keep(h);
            }
            if beam.capacity() > 0 {
                self.beams.push(beam);
            }
        }
    }

    /// A hypothesis done with: its lists emptied for another.
    fn keep(&mut self, h: Hyp) {
        let (mut out, mut margin) = (h.out, h.margin);
        if out.capacity() > 0 {
            out.clear();
            self.outs.push(out);
        }
        if margin.capacity() > 0 {
            margin.clear();
            self.margins.push(margin);
        }
    }

    /// Empty candidate lists for a template's levels.
    fn lists(&mut self) -> Vec<Vec<Cand>> {
        self.lists
            .pop()
            .unwrap_or_else(|| vec![Vec::new(); MAX_UNITS + 1])
    }

    /// Lists done with, emptied for another template.
    fn give_back(&mut self, mut lists: Vec<Vec<Cand>>) {
        lists.iter_mut().for_each(Vec::clear);
        self.lists.push(lists);
    }
}

/// The beams of a template decoded up to its last unit. The templates of a run
/// are read shortest first, each one's units a prefix of the next one's, and
/// the beams up to a template's last unit depend on nothing after it when that
/// unit is a known one (a `?` there is read against the end): the next template
/// goes on from them rather than decoding the prefix again.
struct Beam {
    /// The last level, whose beam is kept already.
    level: usize,
    store: Vec<Vec<Hyp>>,
    cands: Vec<Vec<Cand>>,
}

/// The level of the decoder's store holding the numbering seeds: past every
/// unit's, so that it is the same for every template of a run.
const SEEDS: usize = MAX_UNITS + 1;

/// Quotation marks and title brackets: a reader expects each opened on a line
/// to close on it, and none to close that was not opened.
const PAIRED: [(char, char); 3] = [('“', '”'), ('《', '》'), ('「', '」')];

/// Whether `c` is one of the [`PAIRED`] marks.
#[inline(always)]
fn is_paired(c: char) -> bool {
    PAIRED.iter().any(|p| p.0 == c || p.1 == c)
}
/// A paired mark that does not pair within its line.
const UNPAIRED: f64 = -5.0;

/// Which kinds of [`PAIRED`] marks are open after `text`, starting from `open`.
fn open_after(mut open: u8, text: &[char]) -> u8 {
    for &c in text {
        if let Some(k) = PAIRED.iter().position(|p| p.0 == c) {
            open |= 1 << k;
        } else if let Some(k) = PAIRED.iter().position(|p| p.1 == c) {
            open &= !(1 << k);
        }
    }
    open
}

/// Which kinds of [`PAIRED`] marks `text` closes before it opens one of them.
fn closed_first(text: &[char]) -> u8 {
    let mut seen = 0u8;
    let mut closes = 0u8;
    for &c in text {
        if let Some(k) = PAIRED.iter().position(|p| p.0 == c) {
            seen |= 1 << k;
        } else if let Some(k) = PAIRED.iter().position(|p| p.1 == c) {
            if seen & 1 << k == 0 {
                closes |= 1 << k;
            }
            seen |= 1 << k;
        }
    }
    closes
}

/// A character only the other script uses is nearly never what a page held.
const OFF_SCRIPT: f64 = -6.0;
/// Reading evidence: the lead or trail agrees with a cut annotation.
const READING_UNKNOWN: f64 = -4.0;
const READING_MISMATCH: f64 = -20.0;
/// What reading a run at a line start as a `(N)` heading carrying the numeral
/// expected next costs, in place of the characters' scores (see
/// [`Decoder::heading`]): about what a common character costs.
const NUMBERING_EXPECTED: f64 = -2.0;
/// The same with another numeral: as much as two or three rare characters.
const NUMBERING_OTHER: f64 = -12.0;
/// Chars per lead byte considered inside a double gap.
const GAP2_FIRST: usize = 12;
const GAP2_SECOND: usize = 10;
const GAP2_HEADS: usize = 80;
/// Lead bytes whose gaps are tried at a run's start when nothing singles one out.
const GAP_LEADS: usize = 32;

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The numeral text of `n` (1..=99).
pub fn numeral(n: u32) -> String {
    let d = |k: u32| NUMERALS[k as usize - 1];
    match n {
        1..=10 => d(n).to_string(),
        11..=19 => format!("十{}", d(n - 10)),
        20..=99 if n.is_multiple_of(10) => format!("{}十", d(n / 10)),
        20..=99 => format!("{}十{}", d(n / 10), d(n % 10)),
        _ => String::new(),
    }
}

/// Which numbering a heading carries: a part's `N、` or a sub-section's `（N）`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Part,
    Sub,
}

/// A numbered heading: its numbering, numeral, characters and their GBK bytes.
type Heading = (Level, u32, Vec<char>, Vec<u8>);

/// The numbered headings a run may start with (`　N、` and `　（N）`, N from 1
/// to 20), worked out once.
fn numbering_heads() -> &'static [Heading] {
    static H: OnceLock<Vec<Heading>> = OnceLock::new();
    H.get_or_init(|| {
        [Level::Part, Level::Sub]
            .into_iter()
            .flat_map(|level| (1..=20u32).map(move |n| (level, n)))
            .filter_map(|(level, n)| {
                let head = match level {
                    Level::Part => format!("{INDENT}{}、", numeral(n)),
                    Level::Sub => format!("{INDENT}（{}）", numeral(n)),
                };
                let (bytes, _, bad) = encoding_rs::GBK.encode(&head);
                (!bad).then(|| (level, n, head.chars().collect(), bytes.into_owned()))
            })
            .collect()
    })
}

/// The `(N)` headings whose surviving pairs (after the lost byte; the pairs a
/// decoder drops leave no unit) are a template's first units, when the run
/// starts a line (`left` is the line's edge): each with its numbering and
/// numeral, its characters, its last byte (the trail of `）` or `、`, the lead
/// of its last pair) and how many units it takes.
fn numbering_matches(
    tpl: &Template,
    left: char,
) -> impl Iterator<Item = ((Level, u32), &'static [char], u8, usize)> + '_ {
    let heads = match left == EDGE {
        true => numbering_heads(),
        false => &[],
    };
    heads.iter().filter_map(|(level, n, chars, bytes)| {
        let b = &bytes[1..];
        let mut k = 0;
        let mut j = 0;
        while j + 1 < b.len() {
            if pair(b[j], b[j + 1]).is_some() {
                if tpl.units.get(k) != Some(&Unit::Known([b[j], b[j + 1]])) {
                    return None;
                }
                k += 1;
            }
            j += 2;
        }
        Some(((*level, *n), chars.as_slice(), b[b.len() - 1], k))
    })
}

/// Where the text before `chars[start]` ends once a pinyin annotation right
/// before it is set aside: the character it follows is the run's left context.
fn skip_annotation(chars: &[char], start: usize) -> usize {
    if start == 0 || chars[start - 1] != ')' {
        return start;
    }
    let from = start.saturating_sub(42);
    match chars[from..start].iter().rposition(|&c| c == '(') {
        Some(p) if pinyin::annotation_len(chars, from + p, true) == Some(start - from - p) => {
            from + p
        }
        _ => start,
    }
}

impl<'a> Decoder<'a> {
    fn new(ctx: &'a Context<'a>, open_before: u8) -> Decoder<'a> {
        let model = ctx.model;
        Decoder {
            ctx,
            open_before,
            open_after: 0,
            known: ctx.memo.tables.known.get_or_init(CharModel::known_table),
            bounds: (ctx.memo.tables.bounds).get_or_init(|| model.bound_table(Contexts::all())),
            gap_bounds: (ctx.memo.tables.gap_bounds)
                .get_or_init(|| model.bound_table(gap_contexts())),
            beam: None,
            cuts: ctx.memo.cuts.take(),
            outscored: false,
            readings: RefCell::default(),
            rivals: {
                let mut r = ctx.memo.rivals.take();
                r.nodes.clear();
                r.chars.clear();
                r
            },
            room: ctx.memo.room.take(),
        }
    }

    /// Whether `l` is among the [`GAP_LEADS`] lead bytes whose likeliest
    /// character is likeliest.
    fn common_lead(&self, l: u8) -> bool {
        let model = self.ctx.model;
        let leads = self.ctx.memo.tables.common_leads.get_or_init(|| {
            let mut best: Vec<(u8, f64)> = (0x81u8..=0xFE)
                .map(|l| {
                    let top = (lead_pairs(l).scored.iter())
                        .map(|&c| model.unigram_prob(c))
                        .fold(0.0, f64::max)
                        .ln();
                    (l, top)
                })
                .collect();
            best.sort_by(|x, y| y.1.total_cmp(&x.1));
            let mut leads = [false; 256];
            for x in best.into_iter().take(GAP_LEADS) {
                leads[x.0 as usize] = true;
            }
            leads
        });
        leads[l as usize]
    }

    /// [`CharModel::logp`], quicker.
    #[inline(always)]
    fn logp(&self, prev: char, c: char) -> f64 {
        self.ctx.model.logp_known(prev, c, self.known)
    }

    /// [`CharModel::logp_bound`].
    #[inline(always)]
    fn bound(&self, c: char) -> f64 {
        self.ctx.model.logp_bound(c, self.bounds)
    }

    /// The likeliest characters second in a double gap.
    fn seconds(&self) -> &'a Seconds {
        let model = self.ctx.model;
        self.ctx.memo.tables.seconds.get_or_init(|| {
            let v: Vec<Second> = (0x81u8..=0xFE)
                .flat_map(|l| {
                    let cs = common_with_lead(model, self.ctx.script, l, GAP2_SECOND);
                    cs.into_iter()
                        .enumerate()
                        .map(move |(j, (c, t))| (l, j, c, t))
                })
                .map(|(lead, j, c, trail)| Second {
                    rank: j as u8,
                    trail,
                    end: self.end(lead, c),
                })
                .collect();
            let groups = ByGroup::of(&v);
            let most = v.iter().fold(f64::NEG_INFINITY, |m, x| m.max(x.end.most));
            Seconds { groups, most }
        })
    }

    /// The characters a gap may start with after the pending lead byte `p`:
    /// the shipped ones ([`shipped_starts`]) with those the document's text
    /// has scored again, in the order a stable sort of them all gives.
    fn starts(&self, p: u8) -> &'a Starts {
        self.ctx.memo.tables.starts.get(p, || {
            let model = self.ctx.model;
            let base = shipped_starts(self.ctx.script, p);
            let sc = self.scorer();
            let mut most = f64::NEG_INFINITY;
            let (mut kept, mut own) = (Vec::with_capacity(base.starts.list.len()), Vec::new());
            for (&x, &m) in base.starts.list.iter().zip(&base.mosts) {
                let m = match model.has(norm(x.2)) {
                    true => {
                        let (x, m) = sc.start(x.1, x.2);
                        own.push(x);
                        m
                    }
                    false => {
                        kept.push(x);
                        m
                    }
                };
                most = most.max(m);
            }
            own.sort_by(start_order);
            let mut list = Vec::with_capacity(base.starts.list.len());
            merge_into(&mut list, kept.into_iter(), &own, |y, x| {
                start_order(y, x).is_lt()
            });
            Starts { list, most }
        })
    }

    /// The most `c` may add to a score as a gap's first character
    /// ([`Scorer::first_most`]).
    fn first_most(&self, c: char) -> f64 {
        self.scorer().first_most(c)
    }

    /// The characters a lost trail byte may complete the lead `p` to, in trail
    /// byte order: every hypothesis pending with `p` at a lost end tries them
    /// all, so they are worked out once.
    fn lost(&self, p: u8) -> &'a Lost {
        self.ctx.memo.tables.lost.get(p, || {
            // A lost byte is never ASCII: a decoder keeps those.
            (0x80u8..=0xFE)
                .filter_map(|t| pair(p, t))
                .map(|c| (c, self.first_most(c)))
                .collect()
        })
    }

    /// The document's [`Scorer`].
    #[inline(always)]
    fn scorer(&self) -> Scorer<'a> {
        Scorer {
            model: self.ctx.model,
            script: self.ctx.script,
            known: self.known,
            bounds: self.bounds,
            gap_bounds: self.gap_bounds,
        }
    }

    /// `c`, with lead byte `lead`, as a gap's end.
    fn end(&self, lead: u8, c: char) -> End2 {
        self.scorer().end(lead, c)
    }

    /// The characters a gap may end with before the known byte `a`: the
    /// shipped ones ([`shipped_ends`]) with those the document's text has
    /// scored again.
    fn ends(&self, a: u8) -> &'a Ends {
        self.ctx.memo.tables.ends.get(a, || {
            let model = self.ctx.model;
            let base = shipped_ends(self.ctx.script, a);
            let own: Vec<End2> = (base.all.iter())
                .filter(|e| model.has(e.norm))
                .map(|e| self.end(e.lead, e.c))
                .collect();
            let kept = |e: &End2| !model.has(e.norm);
            let most = (base.all.iter().filter(|e| kept(e)).chain(&own))
                .fold(f64::NEG_INFINITY, |m, e| m.max(e.most));
            Ends {
                sorted: base.sorted.with(&own, kept),
                most,
            }
        })
    }

    #[inline(always)]
    fn off_script(&self, c: char) -> f64 {
        off_script_in(self.ctx.script, c)
    }

    /// What the reading `r` a cut annotation gives says of `c`; remembered
    /// per character while the reading asked of stays the same (the start's
    /// for every lead byte, the end's for every hypothesis).
    fn reading_score(&self, c: char, r: &str) -> f64 {
        let mut memo = self.readings.borrow_mut();
        if memo.0 != r {
            memo.0.clear();
            memo.0.push_str(r);
            memo.1.clear();
        }
        *memo
            .1
            .entry(c)
            .or_insert_with(|| match self.ctx.readings.admits(c, r) {
                Some(true) => 0.0,
                Some(false) => READING_MISMATCH,
                None => READING_UNKNOWN,
            })
    }

    /// One dropped pair: `pair(p, t)`, then `pair(l, a)`, with `(t, l)` dropped.
    fn fillings1(&self, p: u8, a: u8) -> &'a Fillings {
        self.ctx
            .memo
            .tables
            .gaps1
            .get((p, a), || self.make_fillings1(p, a))
    }

    /// [`Decoder::fillings1`], worked out.
    fn make_fillings1(&self, p: u8, a: u8) -> Fillings {
        let ends = self.ends(a);
        let mut best = BestK::new(GAP_CANDIDATES);
        for &(most, t, c1, first, off1) in &self.starts(p).list {
            if best.cuts(most + ends.most) {
                break;
            }
            // Ranked as at a line start, where an indent is free.
            let n1 = if is_indent(EDGE, c1) { EDGE } else { norm(c1) };
            self.row(
                &mut best,
                most,
                n1,
                ends.sorted.group(drop_group(t)),
                |best, e, lp| {
                    let key = u32::from(t) << 8 | u32::from(e.lead);
                    best.offer(first + lp + off1 + e.off, key, (c1, e.c, lp + e.off + 0.0));
                },
            );
        }
        self.gaps(best.into_sorted().map(|(_, (c1, c2, term))| Filling {
            len: 2,
            chars: [c1, c2, '\0'],
            norms: [norm(c1), norm(c2), '\0'],
            terms: [0.0, term, 0.0],
        }))
    }

    /// Offers to `best` one row of gap fillings: the characters before the gap's
    /// end, scoring `most` (up to rounding) and ending in `ctx`, with each of
    /// `ends` (`offer` given its log-probability after `ctx`). Most ends were
    /// never seen after `ctx`: those come in the order of their score, so the
    /// first the floor cuts ends their walk; the few seen are found among those
    /// that may add the most.
    #[inline(always)]
    fn row<X: AsRef<End2>, T: Copy>(
        &self,
        best: &mut BestK<T>,
        most: f64,
        ctx: char,
        ends: EndOrders<'_, X>,
        mut offer: impl FnMut(&mut BestK<T>, &X, f64),
    ) {
        let model = self.ctx.model;
        debug_assert!(gap_contexts().has(ctx));
        for x in ends.by_unseen {
            let e = x.as_ref();
            if best.cuts(most + e.unseen + SLACK) {
                break;
            }
            if !e.seen || model.logp_seen(ctx, e.norm).is_none() {
                offer(best, x, model.logp_unseen(e.norm, self.known));
            }
        }
        for x in ends.seen_by_most {
            let e = x.as_ref();
            if best.cuts(most + e.most) {
                break;
            }
            if let Some(lp) = model.logp_seen(ctx, e.norm) {
                offer(best, x, lp);
            }
        }
    }

    /// Two dropped pairs in a row: three characters hidden around them.
    fn fillings2(&self, p: u8, a: u8) -> &'a Fillings {
        self.ctx
            .memo
            .tables
            .gaps2
            .get((p, a), || self.make_fillings2(p, a))
    }

    /// [`Decoder::fillings2`], worked out.
    fn make_fillings2(&self, p: u8, a: u8) -> Fillings {
        let memo = self.ctx.memo;
        let model = self.ctx.model;
        let script = self.ctx.script;
        let seconds = self.seconds();
        let heads = memo.tables.heads2.get(p, || {
            let mut firsts: Vec<_> = common_with_lead(model, script, p, GAP2_FIRST)
                .into_iter()
                .enumerate()
                .map(|(i, (c1, t1))| {
                    let first = self.logp(EDGE, norm(c1));
                    let off1 = off_script_in(script, c1);
                    (first + off1, i as u32, c1, t1, first, off1)
                })
                .collect();
            firsts.sort_by(|x, y| y.0.total_cmp(&x.0));
            let mut best = BestK::new(GAP2_HEADS);
            for &(most, i, c1, t1, first, off1) in &firsts {
                let group = seconds.groups.group(drop_group(t1));
                self.row(&mut best, most, norm(c1), group, |best, x, lp| {
                    let e = &x.end;
                    let key = i << 16 | u32::from(e.lead) << 8 | u32::from(x.rank);
                    let term = lp + e.off + 0.0;
                    best.offer(first + lp + off1 + e.off, key, (c1, e.c, x.trail, term));
                });
            }
            best.into_sorted()
                .map(|(s, (c1, c2, t2, term))| {
                    let f = Filling {
                        len: 2,
                        chars: [c1, c2, '\0'],
                        norms: [norm(c1), norm(c2), '\0'],
                        terms: [0.0, term, 0.0],
                    };
                    (f, t2, s)
                })
                .collect()
        });
        let ends = self.ends(a);
        let mut best = BestK::new(GAP_CANDIDATES / 2);
        // The heads come best first.
        for (j, &(h, t2, s)) in heads.iter().enumerate() {
            if best.cuts(s + ends.most) {
                break;
            }
            self.row(
                &mut best,
                s,
                h.norms[1],
                ends.sorted.group(drop_group(t2)),
                |best, e, lp3| {
                    let key = (j as u32) << 8 | u32::from(e.lead);
                    best.offer(s + lp3 + e.off, key, (h, e.c, lp3 + e.off + 0.0));
                },
            );
        }
        self.gaps(best.into_sorted().map(|(_, (h, c3, term))| Filling {
            len: 3,
            chars: [h.chars[0], h.chars[1], c3],
            norms: [h.norms[0], h.norms[1], norm(c3)],
            terms: [0.0, h.terms[1], term],
        }))
    }

    /// `x` (at a known unit, `b` pending after it) with each gap filling
    /// (`prior` for its dropped pairs), into `cands` unless `cut` shows it cannot
    /// matter.
    fn fill_gaps(
        &self,
        x: Cand,
        gaps: &[Gap],
        prior: f64,
        b: u8,
        cut: &mut Cutoff,
        cands: &mut Vec<Cand>,
    ) {
        let base = x.score + prior;
        // What each first character adds after `x`, worked out when first needed:
        // the lists have few.
        let mut firsts = [f64::NAN; GAP_CANDIDATES];
        for g in gaps {
            if base + g.rest < cut.floor {
                break;
            }
            let st = (!g.paired).then(|| state_of(b, x.open, g.last));
            let known = st.map(|st| (st, cut.best.get(&st).copied()));
            if cut.hopeless_in(base + g.most, known) {
                continue;
            }
            let mut y = x;
            y.score += prior;
            y.pending = b;
            if g.f.chars[0] == INDENT {
                y.fill(self, &g.f);
            } else {
                let first = &mut firsts[g.first as usize];
                if first.is_nan() {
                    *first = self.first_term(x.prev, &g.f);
                }
                // The score but for unpaired marks, which only take away.
                let terms = &g.f.terms[1..g.f.len as usize];
                if terms.iter().fold(base + *first, |s, t| s + t) < cut.floor {
                    continue;
                }
                y.fill_after(&g.f, *first);
            }
            cut.push_known(y, known, cands);
        }
    }

    /// What the first character of a gap filling that starts with no indent
    /// adds after `prev`.
    #[inline(always)]
    fn first_term(&self, prev: char, f: &Filling) -> f64 {
        self.logp(prev, f.norms[0]) + self.off_script(f.chars[0]) + line_start(prev, f.norms[0])
    }

    /// Fillings (best first) with the most each may add, and the most any from
    /// each on may.
    fn gaps(&self, fillings: impl Iterator<Item = Filling>) -> Fillings {
        let mut firsts: Vec<char> = Vec::new();
        let mut v: Vec<Gap> = fillings
            .map(|f| {
                let first = match firsts.iter().position(|&c| c == f.chars[0]) {
                    Some(i) => i,
                    None => {
                        firsts.push(f.chars[0]);
                        firsts.len() - 1
                    }
                };
                let most = match f.chars[0] {
                    // Scored in context (see `Cand::fill`): its second character
                    // at its most in any.
                    INDENT => {
                        let second = self.bound(f.norms[1]) + self.off_script(f.chars[1]);
                        self.first_most(f.chars[0]) + second.max(f.terms[1]) + f.terms[2]
                    }
                    _ => self.first_most(f.chars[0]) + f.terms[1] + f.terms[2],
                };
                let chars = &f.chars[..f.len as usize];
                Gap {
                    f,
                    most,
                    rest: most,
                    first: first as u8,
                    last: f.norms[f.len as usize - 1],
                    paired: chars.iter().any(|&c| is_paired(c)),
                }
            })
            .collect();
        let mut rest = f64::NEG_INFINITY;
        for g in v.iter_mut().rev() {
            rest = rest.max(g.most);
            g.rest = rest;
        }
        v
    }

    /// The lead byte the run starts with: its prior.
    fn lead_prior(&self, l: u8, left: char, reading: Option<&str>) -> f64 {
        let line_start = left == EDGE || left.is_whitespace();
        if let (Some(r), Some([_, t])) = (reading, gbk2(left)) {
            return match pair(t, l) {
                Some(c) => self.reading_score(c, r),
                None => READING_MISMATCH,
            };
        }
        // A paragraph starts with the ideographic space (`A1 A1`); inside a line
        // the lost byte is the lead of whatever character came next, most often
        // a mark's ([`A1_MID`]).
        match (l == 0xA1, line_start) {
            (true, true) => -0.1,
            (false, true) => -8.0,
            (true, false) => A1_MID,
            (false, false) => 0.0,
        }
    }

    /// A hypothesis that has read nothing yet: after `left`, with the marks open
    /// before the run and `pending` the lead byte of its first character.
    fn start(&self, score: f64, left: char, pending: u8) -> Hyp {
        Hyp {
            score,
            prev: norm(left),
            pending,
            out: Vec::new(),
            margin: Vec::new(),
            rivals: Rivals::default(),
            open: self.open_before,
        }
    }

    /// Hypotheses that read the run's start as a numbered heading (`　（N）`,
    /// `　N、`), placed
    /// at the number of units they consume.
    fn numbering_seeds(&self, tpl: &Template, left: char) -> Vec<(usize, Hyp)> {
        let mut seeds = Vec::new();
        for (n, chars, last, k) in numbering_matches(tpl, left) {
            // The closing `）` pairs with the next unit, or hides in a dropped pair
            // whose second byte is the lead of the character the next unit ends.
            if let Some(&Unit::Known([a, b2])) = tpl.units.get(k) {
                let head = self.heading(n, chars, left, b2);
                if a == last {
                    seeds.push((k + 1, head));
                } else {
                    let gaps = self.closing_gaps(&head, last, a, k);
                    seeds.extend(gaps.map(|h| (k + 1, h)));
                }
            }
        }
        seeds
    }

    /// Complete readings of a run that is a numbered heading and one character
    /// more, whose trail byte is the one the run ends on: the closing `）` (or
    /// `、`) and
    /// that character's lead hid in a dropped pair after the heading's last
    /// surviving pair (`?。U大…` for `　（六）擴大…`: `A8 C1`, `F9 A3` and `A9 94`
    /// all dropped); or, when the run ends at a lost byte, the heading alone,
    /// its last byte the lead that met an ASCII one (`?≤…?2013年` for
    /// `　一、2013年`). Each has read `right` (scored form) after it, as the end
    /// of a reading does.
    fn numbering_ends(&self, tpl: &Template, left: char, right: char) -> Vec<Hyp> {
        let mut ends = Vec::new();
        for (n, chars, last, k) in numbering_matches(tpl, left) {
            if k != tpl.units.len() {
                continue;
            }
            let head = self.heading(n, chars, left, 0);
            match tpl.end {
                End::Trail(t) => ends.extend(self.closing_gaps(&head, last, t, k).map(|mut h| {
                    h.score += self.logp(h.prev, norm(right));
                    h
                })),
                End::Lost(_) => {
                    let mut h = head;
                    h.score += self.logp(h.prev, norm(right));
                    ends.push(h);
                }
                End::Cut => {}
            }
        }
        ends
    }

    /// `head` (a heading read up to its last byte `last`, the trail of `）`)
    /// with the character after it, hidden at unit `k`: its lead byte dropped in
    /// a pair with `last`, its trail byte `a`.
    fn closing_gaps<'h>(
        &'h self,
        head: &'h Hyp,
        last: u8,
        a: u8,
        k: usize,
    ) -> impl Iterator<Item = Hyp> + 'h {
        (0x81u8..=0xFE)
            .filter(move |&l| pair(last, l).is_none())
            .filter_map(move |l| pair(l, a))
            .map(move |c| {
                let mut h = head.clone();
                h.score += GAP_PRIOR;
                h.push(self, k as u16, c, true, 0.0);
                h
            })
    }

    /// A hypothesis that has read the heading `(N)` or `N、` (its numbering
    /// and numeral `n`, its characters `chars`), `pending` after it. Scored by
    /// what such a heading costs (the numeral expected next, or another), not
    /// by the character model: a report's few headings leave `六)` rare in it,
    /// so the model would weigh the heading as the damage it replaces.
    fn heading(&self, n: (Level, u32), chars: &[char], left: char, pending: u8) -> Hyp {
        let cost = if self.ctx.expects(n) {
            NUMBERING_EXPECTED
        } else {
            NUMBERING_OTHER
        };
        let mut h = self.start(0.0, left, pending);
        for &c in chars {
            h.push(self, 0, c, false, 0.0);
        }
        h.score = cost;
        h
    }

    /// Per unit of `tpl`, the most the units from it on may add to a score: a
    /// unit's own reading at its most, or one or more dropped pairs before it
    /// (each costing [`GAP_PRIOR`], their characters adding at most
    /// [`STEP_MOST`] each); nothing where the lead byte before a unit is not
    /// known yet (at the start, after a `?`).
    fn most_ahead(&self, tpl: &Template) -> Vec<f64> {
        let mut ahead = vec![0.0; tpl.units.len() + 1];
        for k in (1..tpl.units.len()).rev() {
            let unit = match (tpl.units[k - 1], tpl.units[k]) {
                (Unit::Known([_, p]), Unit::Known([a, _])) => {
                    let own = match pair(p, a) {
                        Some(INDENT) => 0.0,
                        Some(c) => self.bound(norm(c)) + self.off_script(c),
                        None => f64::NEG_INFINITY,
                    };
                    own.max(GAP_PRIOR + 2.0 * STEP_MOST)
                }
                _ => 0.0,
            };
            ahead[k] = ahead[k + 1] + unit;
        }
        ahead[0] = ahead[1];
        ahead
    }

    /// The likeliest reading of `tpl` after `left`, before `right`; `None` when
    /// there is none, or when none could score `floor` (a shorter template's
    /// total over the run's longest span), then setting `outscored`.
    fn decode(
        &mut self,
        tpl: &Template,
        left: char,
        right: char,
        carry: Option<&Carry>,
        floor: f64,
    ) -> Option<Hyp> {
        let model = self.ctx.model;
        let n = tpl.units.len();
        // The beam kept at each level, and the numbering seeds (level
        // [`SEEDS`]); candidates point into it. A shorter template's beams go
        // on up to its last level, whose beam is kept already.
        let beam = match self.beam.take() {
            Some(b) if b.level > n => {
                self.room.give_back(b.cands);
                self.room.recycle(b.store);
                None
            }
            b => b,
        };
        let (ready, mut store, mut cands) = match beam {
            Some(b) => (Some(b.level), b.store, b.cands),
            None => {
                let mut store: Vec<Vec<Hyp>> = vec![Vec::new(); SEEDS + 1];
                let start_reading = tpl.start_reading.as_deref();
                match carry {
                    // Going on from a run's last part: its one state.
                    Some(k) => store[0].push(self.start(0.0, left, k.pending)),
                    None => store[0].extend(
                        (0x81u8..=0xFE)
                            .map(|l| self.start(self.lead_prior(l, left, start_reading), left, l)),
                    ),
                }
                (None, store, self.room.lists())
            }
        };
        let from = ready.unwrap_or(0);
        // Seeds up to the level gone on from are in its beam already.
        let seeds = match carry {
            Some(_) => Vec::new(),
            None => self.numbering_seeds(tpl, left),
        };
        for (k, h) in seeds {
            if ready.is_none_or(|r| k > r) {
                cands[k].push(Cand::of(&h, (SEEDS, store[SEEDS].len()), 0, false));
                store[SEEDS].push(h);
            }
        }
        let crowded = store[0].iter().filter(|h| h.score >= -1.0).count() > GAP_LEADS;
        // A reading as a numbered heading is scored apart, at the end.
        let heading_end =
            carry.is_none() && numbering_matches(tpl, left).any(|(.., k)| k == tpl.units.len());
        let ahead = match floor > f64::NEG_INFINITY && !heading_end {
            true => self.most_ahead(tpl),
            false => Vec::new(),
        };
        let mut cuts = std::mem::take(&mut self.cuts);
        for k in from..n {
            // Every lead byte stays in play at the start: with no evidence yet,
            // a beam cut there would keep leads in byte order.
            if k > 0 && ready != Some(k) {
                let kept = prune(&mut cands[k], &store, &mut self.rivals, &mut self.room);
                store[k] = kept;
            }
            if !ahead.is_empty() {
                // A template whose every hypothesis, and every seed still to
                // come in, stays under the floor with the most the units ahead
                // may add can only lose; and so can every longer one, whose
                // beams up to here are these. (Past the units, each character
                // adds at most [`STEP_MOST`].)
                let top = |scores: &mut dyn Iterator<Item = f64>| {
                    scores.fold(f64::NEG_INFINITY, f64::max)
                };
                let mut most = top(&mut store[k].iter().map(|h| h.score)) + ahead[k];
                for (j, c) in cands.iter().enumerate().take(n + 1).skip(k + 1) {
                    most = most.max(top(&mut c.iter().map(|c| c.score)) + ahead[j]);
                }
                let to_come = 3 * (n - k + 1) + tpl.len;
                if most + STEP_MOST * to_come as f64 + SLACK < floor {
                    self.cuts = cuts;
                    self.outscored = true;
                    self.room.give_back(cands);
                    self.room.recycle(store);
                    return None;
                }
            }
            let at = k as u16;
            // The first unit after the lost byte (not of a run's later part).
            let first = k == 0 && carry.is_none();
            let cut = &mut cuts.next;
            cut.reset(&cands[k + 1]);
            // For the level after the next, which a dropped pair at a `?` reaches
            // (started when first needed).
            let mut after_started = false;
            for (idx, h) in store[k].iter().enumerate() {
                let p = h.pending;
                let ext = |hidden| Cand::of(h, (k, idx), at, hidden);
                match tpl.units[k] {
                    Unit::Known([a, b]) => {
                        if let Some(c) = pair(p, a) {
                            let mut x = ext(first);
                            x.push(self, c, 0.0);
                            x.pending = b;
                            cut.push(x, &mut cands[k + 1]);
                        }
                        // At the very start only after a lead the evidence favours;
                        // when it favours many, only those that start common
                        // characters (every lead's gaps would cost more than the
                        // rest of the run).
                        if first && (h.score < -1.0 || crowded && !self.common_lead(p)) {
                            continue;
                        }
                        // The fillings are not worked out when none could matter.
                        let most = self.starts(p).most + self.ends(a).most;
                        if !cut.hopeless(h.score + GAP_PRIOR + most) {
                            let gaps = self.fillings1(p, a);
                            let x = ext(true);
                            self.fill_gaps(x, gaps, GAP_PRIOR, b, cut, &mut cands[k + 1]);
                        }
                        // Two dropped pairs before the first unit: rare, and
                        // costly to try for every lead byte.
                        if first {
                            continue;
                        }
                        let prior = 2.0 * GAP_PRIOR;
                        if !cut.hopeless(h.score + prior + most + self.seconds().most) {
                            let gaps = self.fillings2(p, a);
                            let x = ext(true);
                            self.fill_gaps(x, gaps, prior, b, cut, &mut cands[k + 1]);
                        }
                        cut.update();
                    }
                    Unit::Wild => {
                        // `？` …
                        if let Some(c) = pair(p, 0xA3) {
                            let mut x = ext(first);
                            x.push(self, c, 0.0);
                            x.pending = 0xBF;
                            cands[k + 1].push(x);
                        }
                        // … or a pair shown as `?`: its first byte ends one
                        // character, its second starts the one the next run
                        // character ends (inside a run, see [`WILD_INSIDE`]).
                        let next = match tpl.units.get(k + 1) {
                            Some(Unit::Known([a, b])) => Some((*a, Some(*b))),
                            None => match tpl.end {
                                End::Trail(t) => Some((t, None)),
                                End::Lost(_) | End::Cut => None,
                            },
                            _ => None,
                        };
                        let Some((a, b)) = next else { continue };
                        if let Some(b) = b {
                            let cut = &mut cuts.after;
                            if !after_started {
                                cut.reset(&cands[k + 2]);
                                after_started = true;
                            }
                            let most = self.starts(p).most + self.ends(a).most;
                            let prior = WILD_INSIDE;
                            if !cut.hopeless(h.score + prior + most) {
                                let gaps = self.fillings1(p, a);
                                self.fill_gaps(ext(true), gaps, prior, b, cut, &mut cands[k + 2]);
                                cut.update();
                            }
                            continue;
                        }
                        for g in self.fillings1(p, a).iter() {
                            let mut x = ext(true);
                            x.fill(self, &g.f);
                            x.score += model.logp(x.prev, norm(right));
                            x.pending = 0;
                            cands[n].push(x);
                        }
                    }
                }
            }
        }
        if n == 0 {
            // No unit: the run's reading is one lead byte and the lost trail.
            cands[0] = (store[0].iter().enumerate())
                .map(|(i, h)| Cand::of(h, (0, i), 0, false))
                .collect();
        }
        if ready != Some(n) {
            let kept = prune(&mut cands[n], &store, &mut self.rivals, &mut self.room);
            store[n] = kept;
        }
        let at = n as u16;
        let mut fin = Vec::new();
        let cut = &mut cuts.fin;
        cut.reset(&fin);
        // A complete reading: the marks the rest of the line closes must be open
        // (unless the run goes on).
        let goes_on = tpl.end == End::Cut;
        let mut finish = |mut x: Cand, cut: &mut Cutoff| {
            if !goes_on {
                x.score += UNPAIRED * f64::from((x.open ^ self.open_after).count_ones());
            }
            cut.push(x, &mut fin);
        };
        let right = norm(right);
        for (idx, h) in store[n].iter().enumerate() {
            let ext = |hidden| Cand::of(h, (n, idx), at, hidden);
            if h.pending == 0 {
                finish(ext(false), cut);
                continue;
            }
            // Each reading ends with one character or a gap's, then `right`:
            // what those add at most (every other term takes away). The beam
            // comes best first, so once the floor is up most of it is set aside
            // unscored, and so is every reading the floor cuts before `right`.
            let hopeless = |cut: &Cutoff, score: f64| score + STEP_MOST + SLACK < cut.floor;
            match &tpl.end {
                // Its lead byte pends for the part after.
                End::Cut => finish(ext(false), cut),
                End::Trail(t) => {
                    if let Some(c) = pair(h.pending, *t) {
                        let mut x = ext(false);
                        x.push(self, c, 0.0);
                        if !hopeless(cut, x.score) {
                            x.score += self.logp(x.prev, right);
                            finish(x, cut);
                        }
                    }
                    let most = self.starts(h.pending).most + self.ends(*t).most;
                    if hopeless(cut, h.score + GAP_PRIOR + most) {
                        cut.update();
                        continue;
                    }
                    for g in self.fillings1(h.pending, *t).iter() {
                        if hopeless(cut, h.score + GAP_PRIOR + g.rest) {
                            break;
                        }
                        let mut x = ext(true);
                        x.score += GAP_PRIOR;
                        x.fill(self, &g.f);
                        if !hopeless(cut, x.score) {
                            x.score += self.logp(x.prev, right);
                            finish(x, cut);
                        }
                    }
                }
                End::Lost(reading) => {
                    if hopeless(cut, h.score + STEP_MOST) {
                        cut.update();
                        continue;
                    }
                    for &(c, first_most) in self.lost(h.pending).iter() {
                        // (The reading's evidence only takes away: looked up
                        // for what the floor leaves.)
                        let most = h.score + first_most;
                        if hopeless(cut, most) {
                            continue;
                        }
                        let extra = reading.as_deref().map_or(0.0, |r| self.reading_score(c, r));
                        if hopeless(cut, most + extra) {
                            continue;
                        }
                        let mut x = ext(true);
                        x.push(self, c, extra);
                        if !hopeless(cut, x.score) {
                            x.score += self.logp(x.prev, right);
                            finish(x, cut);
                        }
                    }
                }
            }
            cut.update();
        }
        if carry.is_none() {
            for h in self.numbering_ends(tpl, left, right) {
                let idx = store[SEEDS].len();
                store[SEEDS].push(h);
                finish(Cand::of(&store[SEEDS][idx], (SEEDS, idx), at, false), cut);
            }
        }
        self.cuts = cuts;
        let best = best_of(&mut fin, &store, &mut self.rivals, &mut self.room);
        if n > 0 && matches!(tpl.units[n - 1], Unit::Known(_)) {
            self.beam = Some(Beam {
                level: n,
                store,
                cands,
            });
        } else {
            self.room.give_back(cands);
            self.room.recycle(store);
        }
        best
    }
}

#[inline(always)]
fn off_script_in(script: Script, c: char) -> f64 {
    match script {
        Script::Traditional if super::is_simplified_only(c) => OFF_SCRIPT,
        Script::Simplified if super::simplify_char(c) != c => OFF_SCRIPT,
        _ => 0.0,
    }
}

/// The likeliest characters with lead byte `l` whose trail can start a dropped
/// pair, with that trail.
fn common_with_lead(model: &CharModel, script: Script, l: u8, k: usize) -> Vec<(char, u8)> {
    // By probability, not its logarithm: the same order, without one per pair.
    let mut v: Vec<(char, u8, f64)> = (lead_pairs(l).drops.iter())
        .filter(|x| gap_trail_in(script, x.1))
        .map(|&(c, t, n)| (c, t, model.unigram_prob(n)))
        .filter(|x| x.2 > 0.0)
        .collect();
    // The first `k` as a stable sort by probability would leave them: ties in
    // trail order (the order made), picked out before the few are sorted.
    let order = |x: &(char, u8, f64), y: &(char, u8, f64)| y.2.total_cmp(&x.2).then(x.1.cmp(&y.1));
    if v.len() > k {
        v.select_nth_unstable_by(k, order);
        v.truncate(k);
    }
    v.sort_unstable_by(order);
    v.into_iter().map(|(c, t, _)| (c, t)).collect()
}

/// Keeps the best hypothesis per state and the best [`BEAM`] states. A rival
/// of a survivor's state has the same future: it is kept with it, to be weighed
/// again in [`settle`]. One the beam cuts has none left to compare: how close it
/// came is noted in the best's margins, at the boundaries where they differ.
fn prune(
    hyps: &mut Vec<Cand>,
    store: &[Vec<Hyp>],
    rivals: &mut RivalStore,
    room: &mut Room,
) -> Vec<Hyp> {
    // Best first, equals in their order.
    relevant(hyps, room);
    let order = &mut room.order;
    order.clear();
    order.extend(room.relevant.iter().map(|&i| (hyps[i].score, i)));
    order.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    // Made of emptied room (see [`Room::recycle`]).
    let mut kept: Vec<Hyp> = room.beams.pop().unwrap_or_default();
    kept.reserve(BEAM.min(order.len()));
    let (outs, margins) = (&mut room.outs, &mut room.margins);
    // The states of `kept`, in its order: scanned for each candidate, so kept
    // apart from the hypotheses' bulk.
    let states = &mut room.states;
    states.clear();
    let rival = &mut room.rival;
    for h in order.iter().map(|&(_, i)| &hyps[i]) {
        let st = state(h);
        // A rival of the same state may still take the winner's place; one the
        // beam cuts has no future to compare.
        if let Some(i) = states.iter().position(|&k| k == st) {
            let gap = kept[i].score - h.score;
            if gap < CONFIDENT_HIDDEN {
                h.out_into(store, rival);
                record_rival(rivals, &mut kept[i], rival, gap);
            }
        } else if kept.len() >= BEAM {
            let gap = kept[0].score - h.score;
            if gap < CONFIDENT_HIDDEN {
                h.out_into(store, rival);
                let Hyp { out, margin, .. } = &mut kept[0];
                note_rival(out, margin, rival, gap);
            }
        } else {
            kept.push(h.hyp(store, outs, margins));
            states.push(st);
        }
    }
    hyps.clear();
    kept
}

/// How far under a cutoff a score must be to be set aside: more than rounding
/// can move it.
const SLACK: f64 = 1e-6;

/// The most one character adds to a score: its log-probability under
/// [`CharModel`], whose weights sum to 1 plus a floor of at most 1e-4, so
/// `ln(1 + 1e-4)`; every other term takes away.
const STEP_MOST: f64 = 1e-4;

/// A candidate's state: what its future depends on.
#[inline(always)]
fn state(h: &Cand) -> u64 {
    state_of(h.pending, h.open, h.prev)
}

/// The state of a candidate with lead `pending`, marks `open` and context `prev`.
#[inline(always)]
fn state_of(pending: u8, open: u8, prev: char) -> u64 {
    u64::from(pending) << 40 | u64::from(open) << 32 | prev as u64
}

/// The candidates of one level so far, and a score below which a candidate
/// changes nothing in [`relevant`], so need not be built: once [`BEAM`] states
/// have a best of at least `L`, a candidate under `L` is the best of no state
/// kept, and one [`CONFIDENT_HIDDEN`] under it is that far behind whatever it
/// would be compared with. So is one that far behind the best of its own state
/// (its rival if the state is kept, and no better than the best of all). (A hair
/// more, for rounding.)
struct Cutoff {
    best: HashMap<u64, f64>,
    floor: f64,
    /// Whether a state's best rose since the floor was worked out.
    fresh: bool,
    /// Room for the states' bests when the floor is worked out.
    bests: Vec<f64>,
}

impl Default for Cutoff {
    /// Without room yet (a decoder takes its cutoffs out and puts them back,
    /// leaving these): [`Cutoff::reset`] makes it.
    fn default() -> Cutoff {
        Cutoff {
            best: HashMap::default(),
            floor: f64::NEG_INFINITY,
            fresh: false,
            bests: Vec::new(),
        }
    }
}

/// The least a candidate may score and still matter next to one scoring
/// `best` ([`CONFIDENT_HIDDEN`] behind it, and a hair, for rounding).
#[inline(always)]
fn within(best: f64) -> f64 {
    best - CONFIDENT_HIDDEN - SLACK
}

/// The cutoffs of a level's next level, of the one after, and of the complete
/// readings: kept from level to level and template to template for their room.
#[derive(Default)]
struct Cutoffs {
    next: Cutoff,
    after: Cutoff,
    fin: Cutoff,
}

impl Cutoff {
    /// Starts again, at `cands`.
    fn reset(&mut self, cands: &[Cand]) {
        self.best.clear();
        self.best.reserve(256);
        self.floor = f64::NEG_INFINITY;
        self.fresh = false;
        for x in cands {
            self.note(x);
        }
        self.update();
    }

    /// Notes `x`; false when it changes nothing.
    fn note(&mut self, x: &Cand) -> bool {
        if x.score < self.floor {
            return false;
        }
        let b = self.best.entry(state(x)).or_insert(f64::NEG_INFINITY);
        if x.score > *b {
            *b = x.score;
            self.fresh = true;
        }
        x.score >= within(*b)
    }

    /// Whether a candidate scoring at most `bound` would change nothing.
    fn hopeless(&self, bound: f64) -> bool {
        bound < self.floor
    }

    /// Whether a candidate scoring at most `bound` would change nothing, in the
    /// state `known` gives when it is known, with that state's best so far when
    /// it has one (looked up once, for [`Cutoff::push_known`] too).
    fn hopeless_in(&self, bound: f64, known: Option<(u64, Option<f64>)>) -> bool {
        self.hopeless(bound)
            || known
                .and_then(|(_, b)| b)
                .is_some_and(|b| bound < within(b))
    }

    /// Adds `x` to `cands` unless it changes nothing.
    fn push(&mut self, x: Cand, cands: &mut Vec<Cand>) {
        if self.note(&x) {
            cands.push(x);
        }
    }

    /// [`Cutoff::push`], with the best of a state looked up already (and not
    /// changed since): when `x` is in it and does not beat it, what `x`
    /// changes is known without looking it up again.
    fn push_known(&mut self, x: Cand, known: Option<(u64, Option<f64>)>, cands: &mut Vec<Cand>) {
        match known {
            Some((st, Some(b))) if st == state(&x) && x.score <= b => {
                if x.score >= self.floor && x.score >= within(b) {
                    cands.push(x);
                }
            }
            _ => self.push(x, cands),
        }
    }

    /// Raises the floor to what the candidates so far show.
    fn update(&mut self) {
        if !self.fresh || self.best.len() < BEAM {
            return;
        }
        self.fresh = false;
        let v = &mut self.bests;
        v.clear();
        v.extend(self.best.values().copied());
        v.select_nth_unstable_by(BEAM - 1, |x, y| y.total_cmp(x));
        self.floor = within(v[BEAM - 1]);
    }
}

/// Where the candidates are that [`prune`] keeps or compares (in their order),
/// into `room.relevant`: the best of each of the best [`BEAM`] states, and
/// those less than [`CONFIDENT_HIDDEN`] behind the hypothesis they would be
/// compared with (their state's best when it is kept, else the best of all).
/// The rest change nothing there.
fn relevant(hyps: &[Cand], room: &mut Room) {
    use std::cmp::Ordering::Greater;
    // Per state, its first best candidate: the one sorting puts first.
    let best = &mut room.best;
    best.clear();
    best.reserve(hyps.len());
    for (i, h) in hyps.iter().enumerate() {
        let b = best.entry(state(h)).or_insert(i);
        if h.score.total_cmp(&hyps[*b].score) == Greater {
            *b = i;
        }
    }
    let bests = &mut room.bests;
    bests.clear();
    bests.extend(best.values().copied());
    let order = |&x: &usize, &y: &usize| hyps[y].score.total_cmp(&hyps[x].score).then(x.cmp(&y));
    if bests.len() > BEAM {
        bests.select_nth_unstable_by(BEAM, order);
        bests.truncate(BEAM);
    }
    let relevant = &mut room.relevant;
    relevant.clear();
    let Some(&top) = bests.iter().min_by(|x, y| order(x, y)) else {
        return;
    };
    let top = hyps[top].score;
    // Per kept state: its best's score and index.
    let kept = &mut room.kept;
    kept.clear();
    for &i in bests.iter() {
        kept.insert(state(&hyps[i]), (hyps[i].score, i));
    }
    relevant.extend(
        (hyps.iter().enumerate())
            .filter(|&(i, h)| match kept.get(&state(h)) {
                Some(&(b, bi)) => bi == i || b - h.score < CONFIDENT_HIDDEN,
                None => top - h.score < CONFIDENT_HIDDEN,
            })
            .map(|(i, _)| i),
    );
}

/// The best complete reading, every other complete reading kept with it as a
/// rival (rivals still in a beam halfway may fall far behind by the end).
fn best_of(
    hyps: &mut Vec<Cand>,
    store: &[Vec<Hyp>],
    rivals: &mut RivalStore,
    room: &mut Room,
) -> Option<Hyp> {
    let mut kept = prune(hyps, store, rivals, room);
    if let Some((best, rest)) = kept.split_first_mut() {
        for r in rest.iter() {
            let gap = best.score - r.score;
            if gap < CONFIDENT_HIDDEN {
                record_rival(rivals, best, &r.out, gap);
            }
        }
    }
    kept.into_iter().next()
}

/// Where two readings part, or `None` when they are the same characters (the
/// same reading reached another way: no rival). Both run in boundary order, and
/// hold the same characters before the first boundary where they differ.
fn parting(out: &[Out], rival: &[Out]) -> Option<usize> {
    let same = (out.iter().zip(rival))
        .take_while(|(w, r)| w.at == r.at && w.c == r.c)
        .count();
    if out.len() == rival.len() && (out[same..].iter().zip(&rival[same..])).all(|(w, r)| w.c == r.c)
    {
        return None;
    }
    // The first boundary where they differ, and the first character there.
    let at = match (out.get(same), rival.get(same)) {
        (Some(w), Some(r)) => w.at.min(r.at),
        (Some(x), None) | (None, Some(x)) => x.at,
        (None, None) => return None,
    };
    Some(
        out[..same]
            .iter()
            .rposition(|o| o.at < at)
            .map_or(0, |p| p + 1),
    )
}

/// Keeps a rival of the same state (or a complete one) with the winner.
fn record_rival(rivals: &mut RivalStore, winner: &mut Hyp, rival: &[Out], gap: f64) {
    let Some(from) = parting(&winner.out, rival) else {
        return;
    };
    let upto = winner.out.len();
    rivals.push(&mut winner.rivals, gap, from, upto, &rival[from..]);
}

/// Notes in `margin` how close `rival` came to the reading `out`, at each
/// character where they differ.
fn note_rival(out: &[Out], margin: &mut Margins, rival: &[Out], gap: f64) {
    // Walk both side by side from where they part.
    let Some(from) = parting(out, rival) else {
        return;
    };
    let (mut i, mut r0) = (from, from);
    while i < out.len() {
        let at = out[i].at;
        let e = i + out[i..].iter().take_while(|o| o.at == at).count();
        while r0 < rival.len() && rival[r0].at < at {
            r0 += 1;
        }
        let re = r0 + rival[r0..].iter().take_while(|o| o.at == at).count();
        let (w, r) = (&out[i..e], &rival[r0..re]);
        // As many characters at the boundary: only those that differ are in
        // doubt; a different number puts them all in doubt.
        for (j, o) in w.iter().enumerate() {
            if w.len() == r.len() && r[j].c == o.c {
                continue;
            }
            let place = (at, j as u8);
            match margin.iter_mut().find(|m| m.0 == place) {
                Some(m) => m.1 = m.1.min(gap),
                None => margin.push((place, gap)),
            }
        }
        i = e;
    }
}

/// How much the word model's evidence counts beside the character model's:
/// less than fully, since the character model was built from the same
/// dictionary's words two characters at a time and has counted part of it.
const WORD_WEIGHT: f64 = 0.5;

/// Characters of context either side of where two readings differ that the
/// word model reads: the longest common words and idioms are four.
const WORD_CONTEXT: usize = 4;

/// The least a mark between Chinese stretches scores with the word model (one
/// the document never shows has no probability of its own).
const WORD_FLOOR: f64 = -12.0;

/// Scores a text with the word model.
type WordScore<'a> = dyn Fn(&[char]) -> f64 + 'a;

/// The reading a run settles on and each character's margin. The character
/// model chose between rivals of the same state; a reader also sees words, so
/// each is weighed again by the word model over the stretch where it differs
/// (with `left` and `right`, the text around the run): the best that then beat
/// the winner take its place, where they do not overlap one another. A rival
/// parting within the winner's first `ruled` characters (a numbered heading
/// the heading rule chose, see [`NUMBERING_EXPECTED`]) is not weighed again:
/// a heading's numeral is no word.
fn settle(
    h: &Hyp,
    rivals: &RivalStore,
    left: &[char],
    right: &[char],
    words: &WordScore,
    ruled: usize,
) -> (Vec<Out>, Margins) {
    let base: Vec<char> = (left.iter().copied())
        .chain(h.out.iter().map(|o| o.c))
        .chain(right.iter().copied())
        .collect();
    let l = left.len();
    // The winner's own windows, each scored once: many rivals differ at the
    // same characters.
    let mut ours: Vec<((usize, usize), f64)> = Vec::new();
    // Each rival with its gap once words are counted, smallest first.
    let all = rivals.oldest_first(h.rivals);
    let mut weighed: Vec<(f64, &Seen)> = (all.iter())
        .map(|r| {
            if r.from < ruled {
                return (r.gap, r);
            }
            let a = (l + r.from).saturating_sub(WORD_CONTEXT);
            let b = (l + r.upto + WORD_CONTEXT).min(base.len());
            let theirs: Vec<char> = (base[a..l + r.from].iter().copied())
                .chain(r.seg.iter().map(|o| o.c))
                .chain(base[l + r.upto..b].iter().copied())
                .collect();
            let own = match ours.iter().find(|w| w.0 == (a, b)) {
                Some(w) => w.1,
                None => {
                    let w = words(&base[a..b]);
                    ours.push(((a, b), w));
                    w
                }
            };
            (r.gap - WORD_WEIGHT * (words(&theirs) - own), r)
        })
        .collect();
    weighed.sort_by(|x, y| x.0.total_cmp(&y.0));
    let overlap = |x: &Seen, y: &Seen| x.from < y.upto && y.from < x.upto;
    let mut taken: Vec<(f64, &Seen)> = Vec::new();
    for &(gap, r) in weighed.iter().take_while(|w| w.0 < 0.0) {
        if !taken.iter().any(|t| overlap(t.1, r)) {
            taken.push((gap, r));
        }
    }
    // The winner's characters with some rivals in their place.
    let with = |subs: &[&Seen]| -> Vec<Out> {
        let mut subs = subs.to_vec();
        subs.sort_by_key(|r| r.from);
        let mut out = Vec::with_capacity(h.out.len());
        let mut i = 0;
        for r in subs {
            out.extend_from_slice(&h.out[i..r.from]);
            out.extend_from_slice(r.seg);
            i = r.upto;
        }
        out.extend_from_slice(&h.out[i..]);
        out
    };
    let settled = with(&taken.iter().map(|t| t.1).collect::<Vec<_>>());
    // The margins the beam noted were against the winner's characters: where
    // a rival took their place, the closest of them at a boundary stands for
    // every character now there (what beat the winner there is no surer).
    let mut margin = h.margin.clone();
    for &(_, r) in &taken {
        let bounds: Vec<u16> = (h.out[r.from..r.upto].iter().chain(r.seg))
            .map(|o| o.at)
            .collect();
        for b in bounds {
            let Some(least) = (margin.iter())
                .filter(|m| m.0 .0 == b)
                .map(|m| m.1)
                .min_by(f64::total_cmp)
            else {
                continue;
            };
            margin.retain(|m| m.0 .0 != b);
            let here = settled.iter().filter(|o| o.at == b).count();
            margin.extend((0..here).map(|j| ((b, j as u8), least)));
        }
    }
    for &(gap, r) in &weighed {
        // Against the settled reading, a rival is the readings it overlaps
        // undone and itself in their place (or, one taken, the winner's own
        // characters back): its gap, less what those gained.
        let (undone, kept): (Vec<&(f64, &Seen)>, Vec<_>) =
            taken.iter().partition(|t| overlap(t.1, r));
        let mut subs: Vec<&Seen> = kept.iter().map(|t| t.1).collect();
        let own = match undone.iter().any(|t| std::ptr::eq(t.1, r)) {
            true => 0.0,
            false => {
                subs.push(r);
                gap
            }
        };
        let gap = own - undone.iter().map(|t| t.0).sum::<f64>();
        if gap < CONFIDENT_HIDDEN {
            note_rival(&settled, &mut margin, &with(&subs), gap);
        }
    }
    (settled, margin)
}

/// What a character the page lost scores where a `?` stands for it: a typical
/// character's log-probability (the seeds' clean text averages about −3 per
/// character under their own models).
const LOST_CHAR: f64 = -3.0;

/// Where the line holding `chars[from]` ends (its `\n`, or the text's end).
fn line_end(chars: &[char], from: usize) -> usize {
    (chars[from..].iter())
        .position(|&c| c == '\n')
        .map_or(chars.len(), |p| from + p)
}

/// The log-prior (nats, as the other leads' 0.0 and a line start's −0.1 and
/// −8.0) of a lost byte inside a line being the first of a full-width mark
/// (`A1`: `。`, `、`, `“`, the ideographic space) rather than of any other
/// character. Pages gathered with this damage lose the `。`'s first byte as
/// often as all others together (`努力?!睆堄聦` for `努力。”張勇對`), and a run
/// so started otherwise leaves its `。` unknown; the seeds' runs inside lines
/// gain two characters by it and lose three (`學校`'s `校`, which shares the
/// `。`'s second byte, left unknown: a near tie).
const A1_MID: f64 = 2.0;

/// Minimum gain (mean natural log per character) a decoding must show over the
/// text as it stands to be taken as a run.
const MIN_GAIN: f64 = 0.3;

/// Tries to read a run at `chars[start]` (a `?`), or its next part when
/// `carry` says where its last part stopped; returns it only when the decoded
/// text reads clearly better than the characters as they stand (a part after
/// the first is taken whatever it reads: the run is certain by then, and what
/// is not read with confidence is marked unknown, never left as it stands).
pub fn undo_run(
    chars: &[char],
    start: usize,
    ctx: &Context,
    carry: Option<&Carry>,
) -> Option<Decoded> {
    let tpls = read_templates(chars, start, carry.is_some());
    // A row of `?` (`??????`, `????他们`) bears no mark of misaligned bytes:
    // few or none of its bytes are known, so a reading would be made up. In a
    // run a `?` is rare (a `？`, or a pair no character has), never most of it.
    let evidence = |t: &Template| {
        let wild = t.units.iter().filter(|u| **u == Unit::Wild).count();
        let known = t.units.len() - wild;
        let end = matches!(t.end, End::Trail(_) | End::Lost(Some(_)));
        wild < known || (wild == 0 && end)
    };
    // Nor is a run's start ever more than two `?` (its lost byte, and a pair
    // shown as `?`): three or more in a row are lost characters.
    let row = chars[start..].iter().take(3).all(|&c| c == '?');
    if carry.is_none() && (row || !tpls.iter().any(evidence)) {
        return None;
    }
    let span = tpls.iter().map(|t| t.len).max()?;
    // What the run follows: the text before it that reads as text, back to its
    // line's start (where it begins, and the marks it leaves open); before a
    // later part none (the damage of the part before is there), but what the
    // part before left.
    let (line_start, before, left, open) = match carry {
        Some(k) => (start, start, k.left, k.open),
        None => {
            let before = skip_annotation(chars, start);
            let line_start = chars[..before]
                .iter()
                .rposition(|&c| c == '\n')
                .map_or(0, |p| p + 1);
            let left = if before == 0 { EDGE } else { chars[before - 1] };
            let open = open_after(0, &chars[line_start..before]);
            (line_start, before, left, open)
        }
    };
    let model = ctx.model;
    let mut dec = Decoder::new(ctx, open);
    let as_is = &chars[start..start + span];
    let after = chars.get(start + span).copied().unwrap_or(EDGE);
    // The text as it stands, its `?` read as the one character it may have
    // lost (a lone lost character, as in `水贝?中国`), not as a `?`: a `?` in
    // prose is so unlikely that any reading would seem better than the text.
    let plain = match carry {
        Some(_) => model.sum_logp(left, as_is, after, dec.known),
        None => LOST_CHAR + model.sum_logp(EDGE, &as_is[1..], after, dec.known),
    } / (as_is.len() + 1) as f64;
    // The reading most likely over the longest reading's span: its own score
    // (characters, dropped pairs, evidence), then the rest of the span as it
    // stands. Per character it would favour readings padded with common marks.
    let mut best: Option<(f64, &Template, Hyp)> = None;
    for tpl in &tpls {
        let end = start + tpl.len;
        dec.open_after = closed_first(&chars[end..line_end(chars, end)]);
        let right = chars.get(end).copied().unwrap_or(EDGE);
        let floor = match &best {
            Some(b) if !tests::unbounded() => b.0,
            _ => f64::NEG_INFINITY,
        };
        let Some(h) = dec.decode(tpl, left, right, carry, floor) else {
            if dec.outscored {
                tests::outscored();
                break;
            }
            continue;
        };
        let total = match &chars[end..start + span] {
            [] => h.score,
            rest => h.score + model.sum_logp(rest[0], &rest[1..], after, dec.known),
        };
        if best.as_ref().is_none_or(|b| total > b.0) {
            best = Some((total, tpl, h));
        }
    }
    let (_, tpl, h) = best?;
    let end = start + tpl.len;
    let around = (
        &chars[line_start.max(before.saturating_sub(WORD_CONTEXT))..before],
        &chars[end..line_end(chars, end).min(end + WORD_CONTEXT)],
    );
    // A reading that opens with the heading expected next (`(N)` or `N、`):
    // the heading's own rule chose it (see [`NUMBERING_EXPECTED`]); the word
    // model does not weigh it again, and the character model, which rarely
    // sees `六)`, would weigh it as the damage it replaces.
    let expected = (numbering_heads().iter())
        .filter(|h| ctx.expects((h.0, h.1)) && carry.is_none())
        .map(|h| h.2.as_slice());
    let opens = |reading: &[Out]| {
        (expected.clone()).find(|head| {
            reading.len() >= head.len() && reading.iter().zip(head.iter()).all(|(o, &c)| o.c == c)
        })
    };
    let (out, margin) = match h.rivals.is_empty() {
        true => (h.out.clone(), h.margin.clone()),
        false => {
            let words = super::words::words();
            let other = |c: char| model.unigram(norm(c)).max(WORD_FLOOR);
            let ruled = opens(&h.out).map_or(0, |head| head.len());
            settle(
                &h,
                &dec.rivals,
                around.0,
                around.1,
                &|t: &[char]| words.score(t, other),
                ruled,
            )
        }
    };
    // How much better than the damage the run reads, by the character model:
    // its own choice, which the word model's may only trail.
    let readings: &[&Vec<Out>] = match out == h.out {
        true => &[&out],
        false => &[&h.out, &out],
    };
    // One that opens with the heading expected next is judged by what follows
    // the heading.
    let gain = (readings.iter())
        .map(|reading| {
            let mut all: Vec<char> = reading.iter().map(|o| o.c).collect();
            let mut from = left;
            if let Some(head) = opens(reading) {
                all.drain(..head.len());
                from = head[head.len() - 1];
            }
            all.extend_from_slice(&chars[end..start + span]);
            model.mean_logp(from, &all, after, dec.known) - plain
        })
        .fold(f64::NEG_INFINITY, f64::max);
    if std::env::var_os("MOJI_DEBUG").is_some() {
        let d: String = out.iter().map(|o| o.c).collect();
        let a: String = as_is.iter().collect();
        let mut margins: Vec<_> = margin.iter().collect();
        margins.sort_by_key(|m| m.0);
        eprintln!(
            "RUN {a} -> {d} gain {gain:.2} tpls {} score {} margins {margins:?}",
            tpls.len(),
            h.score
        );
        for r in dec.rivals.oldest_first(h.rivals) {
            let seg: String = r.seg.iter().map(|o| o.c).collect();
            eprintln!(
                "  rival {seg} gap {:.2} from {} upto {}",
                r.gap, r.from, r.upto
            );
        }
    }
    // A run the bytes clearly show but whose reading is only a little better
    // than the damage is taken, with every character unknown: never left as is.
    // (One read as the heading expected next needs only to read better: its
    // bytes are the heading's, and the numeral is the one the text calls for;
    // `?《2024年…` reads nearly as well as `　二、2024年…` by characters alone.)
    let confident = gain >= MIN_GAIN || gain > 0.0 && opens(&out).is_some();
    let signs = match carry {
        Some(_) => Signs::Sure,
        None => tpl.signed(chars, start, left),
    };
    let taken = match signs {
        Signs::Sure => true,
        Signs::Likely => gain > 0.0,
        Signs::None => confident,
    };
    if !taken {
        return None;
    }
    let carry = (tpl.end == End::Cut).then(|| Carry {
        pending: h.pending,
        left: out.last().map_or(left, |o| o.c),
        open: h.open,
    });
    Some(Decoded {
        carry,
        len: tpl.len,
        chars: out
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let need = if o.hidden {
                    CONFIDENT_HIDDEN
                } else {
                    CONFIDENT
                };
                let place = out[..i].iter().filter(|p| p.at == o.at).count() as u8;
                let doubt = (margin.iter()).any(|m| m.0 == (o.at, place) && m.1 < need);
                (confident && !doubt).then_some(o.c)
            })
            .collect(),
        leftovers: tpl.leftovers,
    })
}

/// Hooks for the tests: whether the floor a shorter template sets is ignored,
/// and a count of the templates it cut.
#[cfg(not(test))]
mod tests {
    pub fn unbounded() -> bool {
        false
    }
    pub fn outscored() {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static UNBOUNDED: Cell<bool> = const { Cell::new(false) };
        static OUTSCORED: Cell<usize> = const { Cell::new(0) };
    }

    pub fn unbounded() -> bool {
        UNBOUNDED.with(Cell::get)
    }

    pub fn outscored() {
        OUTSCORED.with(|n| n.set(n.get() + 1));
    }

    /// The table [`gbk2`] reads gives every character what the encoder does.
    #[test]
    fn the_pair_table_encodes_as_the_encoder_does() {
        let chars = (0..0x11000u32).filter_map(char::from_u32);
        let differ: Vec<char> = chars.filter(|&c| gbk2(c) != encoded2(c)).collect();
        assert!(differ.is_empty(), "{differ:?}");
        assert_eq!(gbk2('區'), Some([0x85, 0x5E]));
        assert_eq!(gbk2('a'), None);
    }

    /// The floor a shorter template's reading sets only saves work: cutting
    /// the longer templates that cannot beat it changes no repair. On the two
    /// damaged seeds and on a simplified seed damaged at every other
    /// paragraph's start.
    #[test]
    fn outscored_templates_change_no_repair() {
        // On this thread: the hooks are this thread's.
        for text in crate::clean::tests::damaged_texts() {
            let bounded = crate::clean::repair_in(&text, 1);
            UNBOUNDED.with(|u| u.set(true));
            let all = crate::clean::repair_in(&text, 1);
            UNBOUNDED.with(|u| u.set(false));
            assert_eq!(bounded.text, all.text);
            assert_eq!(bounded.repairs, all.repairs);
        }
        assert!(OUTSCORED.with(|n| n.get()) > 0, "no template was cut");
    }

    /// A document's gap ends and starts, made from the shipped tables with
    /// the characters its text has scored again, are those made from scratch
    /// with its own model: the same entries with the same scores, in the same
    /// order (ends: equals in any order), and the same most. On a traditional
    /// and a simplified seed's text, as both scripts.
    #[test]
    fn shipped_tables_with_a_documents_own_are_made_from_scratch() {
        let texts = crate::clean::tests::damaged_texts();
        for text in [&texts[1], &texts[2]] {
            let chars: Vec<char> = text.chars().collect();
            let model = CharModel::new(&[&chars]);
            let annotations = pinyin::Annotations::of(&chars);
            let readings = pinyin::Readings::of(&annotations);
            for script in [Script::Traditional, Script::Simplified] {
                let tables = Tables::default();
                let memo = Memo::new(&tables);
                let ctx = Context {
                    model: &model,
                    script,
                    readings: &readings,
                    next_numeral: None,
                    next_part: None,
                    memo: &memo,
                };
                let d = Decoder::new(&ctx, 0);
                let sc = d.scorer();
                let key = |e: &End2| (e.lead, e.c, e.unseen.to_bits(), e.most.to_bits(), e.seen);
                for a in 0x40u8..=0xFE {
                    let all: Vec<End2> = (0x81u8..=0xFE)
                        .filter_map(|lead| Some(sc.end(lead, pair(lead, a)?)))
                        .collect();
                    let want = ByGroup::of(&all);
                    let got = &d.ends(a).sorted;
                    let most = all.iter().fold(f64::NEG_INFINITY, |m, e| m.max(e.most));
                    assert_eq!(
                        d.ends(a).most.to_bits(),
                        most.to_bits(),
                        "most before {a:x}"
                    );
                    for g in 0..drop_groups().leads.len() {
                        let (w, o) = (want.group(g), got.group(g));
                        for (w, o, by) in [
                            (
                                w.by_unseen,
                                o.by_unseen,
                                (|e: &End2| e.unseen) as fn(&End2) -> f64,
                            ),
                            (w.seen_by_most, o.seen_by_most, |e: &End2| e.most),
                        ] {
                            assert!(o.windows(2).all(|p| by(&p[0]) >= by(&p[1])));
                            let mut w: Vec<_> = w.iter().map(key).collect();
                            let mut o: Vec<_> = o.iter().map(key).collect();
                            w.sort();
                            o.sort();
                            assert_eq!(w, o, "ends before {a:x}, group {g}");
                        }
                    }
                }
                for p in 0x81u8..=0xFE {
                    let mut all: Vec<_> = gap_trails(script)
                        .filter_map(|t| Some(sc.start(t, pair(p, t)?)))
                        .collect();
                    // As the starts were sorted before: stably, by score alone.
                    all.sort_by(|x, y| y.0 .0.total_cmp(&x.0 .0));
                    let got = d.starts(p);
                    let bits =
                        |x: &(f64, u8, char, f64, f64)| (x.0.to_bits(), x.1, x.2, x.3.to_bits());
                    let want: Vec<_> = all.iter().map(|x| bits(&x.0)).collect();
                    let list: Vec<_> = got.list.iter().map(bits).collect();
                    assert_eq!(list, want, "starts after {p:x}");
                    let most = all.iter().fold(f64::NEG_INFINITY, |m, x| m.max(x.1));
                    assert_eq!(got.most.to_bits(), most.to_bits(), "most after {p:x}");
                }
            }
        }
    }

    #[test]
    fn pairs_follow_cp936() {
        assert_eq!(pair(0xA1, 0xA1), Some('\u{3000}'));
        assert_eq!(pair(0x95, 0x72), Some('時'));
        assert_eq!(pair(0xAF, 0xA1), None, "user-defined area");
        assert_eq!(pair(0xA9, 0x8F), None, "GB18030 addition");
    }

    /// A reading of `s`, one character per boundary from `at`.
    fn reading(s: &str, at: u16) -> Vec<Out> {
        (s.chars().enumerate())
            .map(|(i, c)| Out {
                at: at + i as u16,
                c,
                hidden: false,
            })
            .collect()
    }

    #[test]
    fn words_put_rivals_in_the_winners_place() {
        // The beam: 們圈以 beat 們全力以 by 1.8 (both characters of 全力 at
        // boundary 1) in one state; then 們圈以赴 beat 們圈以付 by 0.5, and
        // 們圈以赴推進 beat 們圈以赴推近 by 3.0.
        let mut h = Hyp {
            score: 0.0,
            prev: '以',
            pending: 0,
            out: reading("們圈以", 0),
            margin: Vec::new(),
            rivals: Rivals::default(),
            open: 0,
        };
        let mut quan = reading("們", 0);
        quan.push(Out {
            at: 1,
            c: '全',
            hidden: true,
        });
        quan.extend(reading("力", 1));
        quan.extend(reading("以", 2));
        let mut rivals = RivalStore::default();
        record_rival(&mut rivals, &mut h, &quan, 1.8);
        h.out.extend(reading("赴", 3));
        record_rival(&mut rivals, &mut h, &reading("們圈以付", 0), 0.5);
        h.out.extend(reading("推進", 4));
        record_rival(&mut rivals, &mut h, &reading("們圈以赴推近", 0), 3.0);
        // Each rival stands where it differs: 付 next to 全力以 does not overlap it.
        let spans: Vec<(usize, usize)> = (rivals.oldest_first(h.rivals).iter())
            .map(|r| (r.from, r.upto))
            .collect();
        assert_eq!(spans, [(1, 3), (3, 4), (5, 6)]);
        let words = |t: &[char]| {
            let t: String = t.iter().collect();
            [("全力以赴", 10.0), ("以付", 2.0), ("推進", 1.0)]
                .iter()
                .filter(|w| t.contains(w.0))
                .map(|w| w.1)
                .sum::<f64>()
        };
        let (out, mut margin) = settle(&h, &rivals, &['我'], &['。'], &words, 0);
        let text: String = out.iter().map(|o| o.c).collect();
        assert_eq!(text, "們全力以付推進");
        margin.sort_by_key(|x| x.0);
        // 全力以 gained 10/2 − 1.8 = 3.2 on the winner, 付 2/2 − 0.5 = 0.5;
        // 推近 is 3.0 + 1/2 behind.
        let want = [((1, 0), 3.2), ((1, 1), 3.2), ((3, 0), 0.5), ((5, 0), 3.5)];
        assert_eq!(margin.len(), want.len(), "{margin:?}");
        for (got, want) in margin.iter().zip(want) {
            assert_eq!(got.0, want.0);
            assert!((got.1 - want.1).abs() < 1e-9, "{margin:?}");
        }
    }

    #[test]
    fn ordinary_text_is_no_template() {
        let s: Vec<char> = "a.php?id=3".chars().collect();
        assert!(read_templates(&s, 5, false).is_empty());
    }
}
