//! The character model that chooses between candidate characters when a mojibake
//! run is undone: bigrams and unigrams of the document's own clean text, backed by
//! character and in-word bigram frequencies shipped in `src/data/charfreq.txt`
//! (derived from the jieba-rs dictionary; `charfreq.py` rebuilds it).
//!
//! Everything is scored in simplified, width-folded form, so one model serves both
//! scripts. Owns scoring only; the candidates come from `mojibake`.

use super::simplify_char;
use crate::model::fold_width;
use rustc_hash::FxHashMap as HashMap;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::OnceLock;

/// Characters with a dense slot in the count tables: the Basic Multilingual Plane.
const DENSE: usize = 0x10000;

/// A bigram's key in the count maps.
#[inline(always)]
fn bikey(a: char, b: char) -> u64 {
    (a as u64) << 32 | b as u64
}

/// Which bigrams may be in a count map: a clear bit says a key is not (most
/// pairs of characters never occur, and the filter answers from cache).
struct Filter {
    bits: Vec<u64>,
    shift: u32,
}

impl Filter {
    fn new(keys: impl ExactSizeIterator<Item = u64>) -> Filter {
        let log2 = (keys.len().max(1) * 16)
            .next_power_of_two()
            .trailing_zeros()
            .max(6);
        let mut f = Filter {
            bits: vec![0; 1 << (log2 - 6)],
            shift: 64 - log2,
        };
        for k in keys {
            let h = f.slot(k);
            f.bits[h >> 6] |= 1 << (h & 63);
        }
        f
    }

    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// False when `key` is surely absent.
    #[inline(always)]
    fn may_hold(&self, key: u64) -> bool {
        let h = self.slot(key);
        self.bits[h >> 6] & 1 << (h & 63) != 0
    }
}

/// The shipped frequencies: unigram counts, bigram counts, unigram total.
struct Shipped {
    /// Per BMP character, its count (0 where unseen: every count is positive)
    /// beside no document count: what a document's [`CharModel`] counts its
    /// own into.
    both: Vec<[f64; 2]>,
    /// The counts of the other characters.
    rest: HashMap<char, f64>,
    bi: HashMap<u64, f64>,
    bi_filter: Filter,
    total: f64,
}

impl Shipped {
    /// The count of `c`, 0 when unseen.
    #[inline(always)]
    fn count(&self, c: char) -> f64 {
        match self.both.get(c as usize) {
            Some(&[_, n]) => n,
            None => self.rest.get(&c).copied().unwrap_or(0.0),
        }
    }
}

#[inline(always)]
fn shipped() -> &'static Shipped {
    static S: OnceLock<Shipped> = OnceLock::new();
    S.get_or_init(|| {
        let mut uni: HashMap<char, f64> = HashMap::default();
        let mut bi = HashMap::default();
        for line in include_str!("../data/charfreq.txt").lines() {
            let Some((k, n)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.parse::<f64>() else { continue };
            let mut cs = k.chars();
            match (cs.next(), cs.next(), cs.next()) {
                (Some(a), None, _) => {
                    uni.insert(a, n);
                }
                (Some(a), Some(b), None) => {
                    bi.insert(bikey(a, b), n);
                }
                _ => {}
            }
        }
        let total = uni.values().sum::<f64>().max(1.0);
        let mut both = vec![[0.0; 2]; DENSE];
        let mut rest = HashMap::default();
        for (c, n) in uni {
            // The table's counts are all positive, so 0 can stand for unseen.
            assert!(n > 0.0, "charfreq.txt: count of {c:?} not positive");
            match both.get_mut(c as usize) {
                Some([_, s]) => *s = n,
                None => {
                    rest.insert(c, n);
                }
            }
        }
        Shipped {
            both,
            rest,
            bi_filter: Filter::new(bi.keys().copied()),
            bi,
            total,
        }
    })
}

/// Per BMP character `c`: the largest bigram term `count(prev c) / (count(prev) +
/// smoothing)` any context `prev` of `after` gives it (0 where none does), as
/// [`CharModel::logp`] weighs the bigrams of `bi` with the unigram counts
/// `count` gives.
fn largest_terms(
    bi: &HashMap<u64, f64>,
    count: impl Fn(char) -> f64,
    smoothing: f64,
    after: impl Fn(char) -> bool,
) -> Vec<f64> {
    let mut most = vec![0.0; DENSE];
    for (&key, &n_bi) in bi {
        let (prev, c) = ((key >> 32) as u32, key as u32 as usize);
        let Some(prev) = char::from_u32(prev).filter(|&p| after(p)) else {
            continue;
        };
        let n = count(prev);
        if let Some(m) = most.get_mut(c).filter(|_| n > 0.0) {
            *m = f64::max(*m, bigram_term(n_bi, n + smoothing));
        }
    }
    most
}

/// The contexts a bound of [`CharModel::logp`] is taken over: every context, or
/// a set of characters; and per character the largest shipped bigram term any
/// of them gives it.
pub struct Contexts {
    /// The set, `None` for every context.
    admits: Option<CharSet>,
    ship: Vec<f64>,
}

/// A set of characters: a bit per BMP character (8 KB, which a walk over a
/// document's bigrams asks of at random), the rest listed.
struct CharSet {
    bits: Vec<u64>,
    rest: Vec<char>,
}

impl CharSet {
    fn of(set: impl IntoIterator<Item = char>) -> CharSet {
        let mut s = CharSet {
            bits: vec![0; DENSE / 64],
            rest: Vec::new(),
        };
        for c in set {
            s.insert(c);
        }
        s
    }

    #[inline(always)]
    fn insert(&mut self, c: char) {
        let i = c as usize;
        match self.bits.get_mut(i / 64) {
            Some(w) => *w |= 1 << (i % 64),
            None if !self.rest.contains(&c) => self.rest.push(c),
            None => {}
        }
    }

    #[inline(always)]
    fn has(&self, c: char) -> bool {
        let i = c as usize;
        match self.bits.get(i / 64) {
            Some(w) => w >> (i % 64) & 1 != 0,
            None => self.rest.contains(&c),
        }
    }
}

impl Contexts {
    /// Every context.
    pub fn all() -> &'static Contexts {
        static ALL: OnceLock<Contexts> = OnceLock::new();
        ALL.get_or_init(|| Contexts::with(None))
    }

    /// The characters `set` (in [`norm`] form, as contexts are).
    pub fn of(set: impl IntoIterator<Item = char>) -> Contexts {
        Contexts::with(Some(CharSet::of(set)))
    }

    fn with(admits: Option<CharSet>) -> Contexts {
        let mut c = Contexts {
            admits,
            ship: Vec::new(),
        };
        let s = shipped();
        let ship = largest_terms(&s.bi, |p| s.count(p), 0.0, |p| c.has(p));
        c.ship = ship;
        c
    }

    /// Whether `c` is one of the contexts.
    #[inline(always)]
    pub fn has(&self, c: char) -> bool {
        self.admits.as_ref().is_none_or(|set| set.has(c))
    }
}

/// The log-probability of `c` (in [`norm`] form) by the shipped unigram counts
/// alone, `None` for a character the table has not seen.
pub fn shipped_logp(c: char) -> Option<f64> {
    let s = shipped();
    let n = s.count(c);
    (n > 0.0).then(|| (n / s.total).ln())
}

/// A bigram's count over its context's, at most 1. A context can be counted
/// fewer times than the bigrams after it: the line start a `?` stretch leaves
/// (see [`CharModel::new`]) is the context of the character after the stretch,
/// though no line starts there. Uncapped, such a term would give a
/// probability over 1, and the decoder's bounds take every character to add at
/// most `ln(1 + 1e-4)` to a score.
#[inline(always)]
fn bigram_term(count: f64, context: f64) -> f64 {
    (count / context).min(1.0)
}

/// The interpolated probability's logarithm, from its bigram and unigram terms:
/// the one formula [`CharModel::logp`] and its bound share.
#[inline(always)]
fn interpolate(doc_bi: f64, ship_bi: f64, doc_uni: f64, ship_uni: f64, c: char) -> f64 {
    (0.45 * doc_bi + 0.25 * ship_bi + 0.15 * doc_uni + 0.15 * ship_uni + floor(c)).ln()
}

/// [`norm`] over the BMP (the rest is its own form).
#[inline(always)]
fn norm_table() -> &'static [char] {
    static T: OnceLock<Vec<char>> = OnceLock::new();
    T.get_or_init(|| {
        (0..DENSE as u32)
            .map(|u| char::from_u32(u).map_or('\0', |c| simplify_char(fold_width(c))))
            .collect()
    })
}

/// The form a character is scored in.
#[inline(always)]
pub fn norm(c: char) -> char {
    match norm_table().get(c as usize) {
        Some(&n) => n,
        None => simplify_char(fold_width(c)),
    }
}

/// The probability left to a character neither the document nor the shipped
/// table has seen. The table is made of dictionary words, so it has no
/// punctuation; a mark that runs of prose use (width-folded) still gets a share
/// when the document has not used it yet (a short text).
#[inline(always)]
fn floor(c: char) -> f64 {
    match c {
        ' ' | ',' | '.' | ';' | ':' | '(' | ')' | '、' | '。' | '“' | '”' | '‘' | '’' | '《'
        | '》' | '〈' | '〉' | '「' | '」' | '—' | '…' | '·' => 1e-4,
        _ => 1e-7,
    }
}

/// Whether `c` (after `was`) ends a stretch that may be a mojibake run, as the
/// run's reader would: at a character that cannot be one (its GBK bytes are not
/// a trail then a lead), so at a line end or an ASCII trail byte. Lowercase
/// letters or `)` after ASCII are a cut pinyin annotation (`?yōu)`), and a
/// folded full-width form (`;` for `；`, `2` for `２`) is two run bytes like any
/// other character: the run may go on through them.
fn ends_suspect(c: char, was: char) -> bool {
    match c {
        'a'..='z' | ')' if was.is_ascii() => false,
        _ => super::mojibake::run_unit(c).is_none(),
    }
}

/// A value worked out once and kept, which threads reading parts of one
/// document may share: two that work it out at once write the same value.
pub struct Slot(AtomicU64);

impl Slot {
    fn new(v: f64) -> Slot {
        Slot(AtomicU64::new(v.to_bits()))
    }

    #[inline(always)]
    fn get(&self) -> f64 {
        f64::from_bits(self.0.load(Relaxed))
    }

    #[inline(always)]
    fn set(&self, v: f64) {
        self.0.store(v.to_bits(), Relaxed)
    }
}

/// What [`CharModel::logp_bound`] works from and has worked out.
pub struct Bounds {
    /// Per character: the largest document and shipped bigram term of any
    /// context of a set.
    doc: Vec<f64>,
    ship: &'static [f64],
    /// Per character: the bound, NaN until worked out.
    memo: Vec<Slot>,
}

/// Added to a context's count in the document's bigram terms: a short document's
/// few occurrences of a character do not make its followers certain.
const DOC_SMOOTHING: f64 = 3.0;

/// A character model for one document.
pub struct CharModel {
    /// Per BMP character, its document and shipped unigram counts side by
    /// side: a score asks for both, and one cache line then holds them.
    both: Vec<[f64; 2]>,
    /// The document's counts of the other characters.
    rest: HashMap<char, f64>,
    /// The characters the document has ([`CharModel::has`]), a bit per BMP
    /// character (8 KB rather than the counts' megabyte, for tables that ask
    /// of thousands).
    has: CharSet,
    bi: HashMap<u64, f64>,
    bi_filter: Filter,
    total: f64,
}

/// Stands for a line start or end in the context of a character.
pub const EDGE: char = '\n';

impl CharModel {
    /// Learns the document's own statistics from its clean text (in parts, read
    /// one after another as one): everything but the stretches from a `?` to the
    /// next ASCII character, where a mojibake run may be (learning from the
    /// damage would make it look like text).
    pub fn new(parts: &[&[char]]) -> CharModel {
        let mut both = shipped().both.clone();
        let mut rest: HashMap<char, f64> = HashMap::default();
        let mut has = CharSet::of([]);
        // Room for a distinct bigram every few characters at first, rather
        // than growing by rehashing.
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let mut bi = HashMap::with_capacity_and_hasher(len * 3 / 8, Default::default());
        let mut prev = EDGE;
        let mut total = 0.0;
        let mut suspect = false;
        let mut before = EDGE;
        for &c in parts.iter().flat_map(|p| p.iter()) {
            let was = before;
            before = c;
            if c == '?' {
                suspect = true;
            } else if suspect && ends_suspect(c, was) {
                suspect = false;
                prev = EDGE;
                // An ASCII trail byte that ends a run is part of the damage too;
                // a character in step after it is text.
                if c.is_ascii_graphic() {
                    continue;
                }
            }
            if suspect {
                prev = EDGE;
                continue;
            }
            let c = norm(c);
            match both.get_mut(c as usize) {
                Some([n, _]) => *n += 1.0,
                None => *rest.entry(c).or_insert(0.0) += 1.0,
            }
            has.insert(c);
            *bi.entry(bikey(prev, c)).or_insert(0.0) += 1.0;
            total += 1.0;
            prev = c;
        }
        CharModel {
            both,
            rest,
            has,
            bi_filter: Filter::new(bi.keys().copied()),
            bi,
            total: f64::max(total, 1.0),
        }
    }

    /// Whether the document's own text has `c` (in [`norm`] form): if not,
    /// every score of `c` after a context it has no bigram with, and every
    /// bound of `c`, is what a model with no document text gives.
    #[inline(always)]
    pub fn has(&self, c: char) -> bool {
        self.has.has(c)
    }

    /// The document's and the shipped unigram count of `c`.
    #[inline(always)]
    fn counts(&self, c: char) -> (f64, f64) {
        match self.both.get(c as usize) {
            Some(&[d, s]) => (d, s),
            None => (
                self.rest.get(&c).copied().unwrap_or(0.0),
                shipped().count(c),
            ),
        }
    }

    /// log P(c | prev), interpolated; both already in [`norm`] form.
    pub fn logp(&self, prev: char, c: char) -> f64 {
        let (doc, ship) = self.bigrams(prev, c);
        self.logp_of(prev, c, doc.unwrap_or(0.0), ship.unwrap_or(0.0))
    }

    /// The document's and the shipped count of the bigram `prev c`, `None`
    /// where unseen: each map is asked once, and not at all when its filter
    /// already says no (most pairs never occur).
    #[inline(always)]
    fn bigrams(&self, prev: char, c: char) -> (Option<f64>, Option<f64>) {
        let s = shipped();
        let key = bikey(prev, c);
        let doc = self
            .bi_filter
            .may_hold(key)
            .then(|| self.bi.get(&key).copied());
        let ship = s.bi_filter.may_hold(key).then(|| s.bi.get(&key).copied());
        (doc.flatten(), ship.flatten())
    }

    /// [`CharModel::logp`] from the bigram's counts (0 where unseen).
    #[inline(always)]
    fn logp_of(&self, prev: char, c: char, doc_count: f64, ship_count: f64) -> f64 {
        let s = shipped();
        let (doc_c, ship_c) = self.counts(c);
        let (doc_prev, ship_prev) = self.counts(prev);
        let doc_uni = doc_c / self.total;
        let ship_uni = ship_c / s.total;
        let doc_bi = match doc_prev {
            n if n > 0.0 => bigram_term(doc_count, n + DOC_SMOOTHING),
            _ => 0.0,
        };
        let ship_bi = match ship_prev {
            n if n > 0.0 => bigram_term(ship_count, n),
            _ => 0.0,
        };
        interpolate(doc_bi, ship_bi, doc_uni, ship_uni, c)
    }

    /// [`CharModel::logp`], remembering in `known` (indexed by character, 0
    /// where not worked out yet: a log-probability is never 0) the value for a
    /// `c` no context has been seen before, the same for every such context.
    #[inline(always)]
    pub fn logp_known(&self, prev: char, c: char, known: &[Slot]) -> f64 {
        match self.logp_seen(prev, c) {
            Some(v) => v,
            None => self.logp_unseen(c, known),
        }
    }

    /// [`CharModel::logp`] when either count has seen the bigram `prev c`.
    #[inline(always)]
    pub fn logp_seen(&self, prev: char, c: char) -> Option<f64> {
        let (doc, ship) = self.bigrams(prev, c);
        (doc.is_some() || ship.is_some())
            .then(|| self.logp_of(prev, c, doc.unwrap_or(0.0), ship.unwrap_or(0.0)))
    }

    /// [`CharModel::logp`] of `c` after any context neither count has seen it
    /// with: without bigram terms, the same for every such context (`known` as
    /// for [`CharModel::logp_known`]).
    #[inline(always)]
    pub fn logp_unseen(&self, c: char, known: &[Slot]) -> f64 {
        let Some(slot) = known.get(c as usize) else {
            return self.logp_of(EDGE, c, 0.0, 0.0);
        };
        match slot.get() {
            0.0 => {
                let v = self.logp_of(EDGE, c, 0.0, 0.0);
                slot.set(v);
                v
            }
            v => v,
        }
    }

    /// A table for [`CharModel::logp_known`].
    pub fn known_table() -> Vec<Slot> {
        (0..DENSE).map(|_| Slot::new(0.0)).collect()
    }

    /// A table for [`CharModel::logp_bound`] over the contexts `after`: per
    /// character, the largest bigram terms any of them gives it, and the bounds
    /// worked out.
    pub fn bound_table(&self, after: &'static Contexts) -> Bounds {
        Bounds {
            doc: largest_terms(
                &self.bi,
                |p| self.counts(p).0,
                DOC_SMOOTHING,
                |p| after.has(p),
            ),
            ship: &after.ship,
            memo: (0..DENSE).map(|_| Slot::new(f64::NAN)).collect(),
        }
    }

    /// Whether some context of `bounds` has been seen followed by `c`: if not,
    /// [`CharModel::logp`] after each of them is [`CharModel::logp_unseen`].
    #[inline(always)]
    pub fn seen_after(&self, c: char, bounds: &Bounds) -> bool {
        let i = c as usize;
        i >= DENSE || bounds.doc[i] > 0.0 || bounds.ship[i] > 0.0
    }

    /// An upper bound of [`CharModel::logp`]`(prev, c)` over every `prev` of
    /// `bounds`, so that a candidate can be set aside before it is scored: the
    /// interpolation with each bigram term at its largest (a hair more, for the
    /// rounding of `ln`).
    pub fn logp_bound(&self, c: char, bounds: &Bounds) -> f64 {
        let Some(slot) = bounds.memo.get(c as usize) else {
            return f64::INFINITY;
        };
        if !slot.get().is_nan() {
            return slot.get();
        }
        let s = shipped();
        let (doc_c, ship_c) = self.counts(c);
        let doc_uni = doc_c / self.total;
        let ship_uni = ship_c / s.total;
        let (doc_bi, ship_bi) = (bounds.doc[c as usize], bounds.ship[c as usize]);
        let v = interpolate(doc_bi, ship_bi, doc_uni, ship_uni, c) + 1e-9;
        slot.set(v);
        v
    }

    /// log P(c) without context, or minus infinity for a character neither the
    /// document nor the shipped table has seen.
    pub fn unigram(&self, c: char) -> f64 {
        self.unigram_prob(c).ln()
    }

    /// P(c) without context, 0 for a character neither the document nor the
    /// shipped table has seen: the likeliest of many is found before taking a
    /// logarithm.
    pub fn unigram_prob(&self, c: char) -> f64 {
        let s = shipped();
        let (doc_c, ship_c) = self.counts(c);
        let d = doc_c / self.total;
        let sh = ship_c / s.total;
        0.5 * d + 0.5 * sh
    }

    /// Mean log-probability per character of `chars` between `left` and `right`
    /// (`known` as for [`CharModel::logp_known`]).
    pub fn mean_logp(&self, left: char, chars: &[char], right: char, known: &[Slot]) -> f64 {
        self.sum_logp(left, chars, right, known) / (chars.len() + 1) as f64
    }

    /// Log-probability of `chars` and `right` after `left` (`known` as for
    /// [`CharModel::logp_known`]).
    pub fn sum_logp(&self, left: char, chars: &[char], right: char, known: &[Slot]) -> f64 {
        let mut prev = norm(left);
        let mut sum = 0.0;
        for &c in chars.iter().chain(std::iter::once(&right)) {
            let c = norm(c);
            sum += self.logp_known(prev, c, known);
            prev = c;
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No character scores more than `ln(1 + 1e-4)` after any context, even
    /// where a document has many more `?` stretches than lines (each leaves a
    /// line start as the context of the character after it).
    #[test]
    fn no_character_is_likelier_than_certain() {
        let text = format!("\n{}各位代表\n", "?個".repeat(5000));
        let chars: Vec<char> = text.chars().collect();
        let model = CharModel::new(&[&chars]);
        let most = (1.0f64 + 1e-4).ln();
        for prev in [EDGE, '?', '個', '各', '代'] {
            for c in ['個', '各', '位', '代', '表', '\n', '。'] {
                let lp = model.logp(norm(prev), norm(c));
                assert!(lp <= most, "{prev:?} {c:?}: {lp}");
            }
        }
    }
}
