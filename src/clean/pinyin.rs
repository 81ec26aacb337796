//! Pinyin annotations the sites put after characters of traditional pages:
//! `區(qū)`, `產(chǎn)業(yè)`.
//!
//! Owns recognising an annotation and its cut-off leftovers; does not decide what
//! else a parenthesis may hold. The rule: the parentheses hold one or more
//! lowercase syllables separated by single spaces, each a valid pinyin syllable,
//! right after a CJK character; and either a syllable carries a tone mark, or the
//! document is one that annotates (it has tone-marked annotations elsewhere), which
//! admits neutral-tone syllables such as `(men)`. So `(GDP)`, `(PPP)`, `(市)` and
//! `(2013—2015年)` can never match, and `(de)` only on an annotated page.

use crate::terms::is_ideograph;
use ::pinyin::ToPinyinMulti;
use rustc_hash::FxHashMap;

const INITIALS: [&str; 23] = [
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

const FINALS: [&str; 37] = [
    "a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er", "an",
    "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua",
    "uo", "uai", "uan", "uang", "van", "ueng",
];

/// The base letter of a pinyin vowel with a tone mark, and whether it had one.
fn untone(c: char) -> Option<(char, bool)> {
    Some(match c {
        'ā' | 'á' | 'ǎ' | 'à' => ('a', true),
        'ē' | 'é' | 'ě' | 'è' => ('e', true),
        'ī' | 'í' | 'ǐ' | 'ì' => ('i', true),
        'ō' | 'ó' | 'ǒ' | 'ò' => ('o', true),
        'ū' | 'ú' | 'ǔ' | 'ù' => ('u', true),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => ('v', true),
        'ü' => ('v', false),
        'a'..='z' => (c, false),
        _ => return None,
    })
}

/// Whether a character can appear inside an annotation.
pub fn is_pinyin_char(c: char) -> bool {
    untone(c).is_some()
}

/// Whether `s` is one pinyin syllable; returns whether it carries a tone mark.
fn syllable(s: &[char]) -> Option<bool> {
    // Untoned, a syllable is at most six ASCII letters (`zhuang`).
    let mut base = [0u8; 6];
    if s.is_empty() || s.len() > base.len() {
        return None;
    }
    let mut toned = false;
    for (slot, &c) in base.iter_mut().zip(s) {
        let (b, t) = untone(c)?;
        *slot = b as u8;
        toned |= t;
    }
    valid_syllables()
        .contains(&u64::from_le_bytes([
            base[0], base[1], base[2], base[3], base[4], base[5], 0, 0,
        ]))
        .then_some(toned)
}

/// Every valid toneless syllable, its letters packed into a number (zero
/// bytes after the last): a final that may stand alone (one starting with `a`,
/// `o` or `e`), an initial and a final, or `y`/`w` alone.
fn valid_syllables() -> &'static rustc_hash::FxHashSet<u64> {
    static S: std::sync::OnceLock<rustc_hash::FxHashSet<u64>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let pack = |s: &str| {
            let mut b = [0u8; 8];
            b[..s.len()].copy_from_slice(s.as_bytes());
            u64::from_le_bytes(b)
        };
        let alone = FINALS
            .iter()
            .filter(|f| matches!(f.as_bytes()[0], b'a' | b'o' | b'e'));
        let mut all: Vec<String> = alone.map(|f| f.to_string()).collect();
        for i in INITIALS {
            all.extend(FINALS.iter().map(|f| format!("{i}{f}")));
            if i == "y" || i == "w" {
                all.push(i.to_string());
            }
        }
        all.iter()
            .filter(|s| s.len() <= 6)
            .map(|s| pack(s))
            .collect()
    })
}

/// Whether `inner` (the characters between the parentheses, as they stand in
/// the text: asked of every parenthesis, so nothing is copied) is pinyin:
/// returns whether it carries a tone mark.
fn syllables(inner: &[char]) -> Option<bool> {
    if inner.is_empty() || inner.iter().map(|c| c.len_utf8()).sum::<usize>() > 40 {
        return None;
    }
    let mut toned = false;
    for s in inner.split(|&c| c == ' ') {
        toned |= syllable(s)?;
    }
    Some(toned)
}

/// Length in chars of an annotation starting at `chars[i]` (an opening
/// parenthesis), when it is one; `annotated_page` admits toneless syllables.
pub fn annotation_len(chars: &[char], i: usize, annotated_page: bool) -> Option<usize> {
    if !matches!(chars.get(i), Some('(' | '（')) {
        return None;
    }
    admitted(read_parens(chars, i)?, annotated_page)
}

/// The parenthesis opening at `chars[i]` read as pinyin, when it holds some:
/// its length in chars, and whether a syllable carries a tone mark.
fn read_parens(chars: &[char], i: usize) -> Option<(usize, bool)> {
    let close = (i + 1..chars.len().min(i + 42)).find(|&j| matches!(chars[j], ')' | '）'))?;
    let toned = syllables(&chars[i + 1..close])?;
    Some((close + 1 - i, toned))
}

/// An annotation's length when the page admits it: tone-marked, or on a page
/// that annotates.
fn admitted((len, toned): (usize, bool), annotated_page: bool) -> Option<usize> {
    (toned || annotated_page).then_some(len)
}

/// A text's parentheses read as pinyin once: counting the annotations, learning
/// readings from them, stripping them for the character model and taking them
/// out of the repaired text all ask of the same few.
pub struct Annotations<'a> {
    chars: &'a [char],
    /// Per opening parenthesis, in order: where it stands, and what
    /// [`read_parens`] made of it.
    parens: Vec<(usize, Option<(usize, bool)>)>,
}

impl<'a> Annotations<'a> {
    pub fn of(chars: &'a [char]) -> Annotations<'a> {
        let parens = (chars.iter().enumerate())
            .filter(|(_, c)| matches!(c, '(' | '（'))
            .map(|(i, _)| (i, read_parens(chars, i)))
            .collect();
        Annotations { chars, parens }
    }

    /// The text the annotations were read in.
    pub fn chars(&self) -> &'a [char] {
        self.chars
    }

    /// [`annotation_len`] at `i`.
    #[inline]
    pub fn len_at(&self, i: usize, annotated_page: bool) -> Option<usize> {
        if !matches!(self.chars.get(i), Some('(' | '（')) {
            return None;
        }
        let k = self.parens.binary_search_by_key(&i, |p| p.0).ok()?;
        admitted(self.parens[k].1?, annotated_page)
    }

    /// The pinyin in parentheses right after a CJK character, in order: where
    /// each opens, its length, and whether it carries a tone mark.
    pub fn after_ideographs(&self) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        (self.parens.iter())
            .filter(|&&(i, _)| i > 0 && is_ideograph(self.chars[i - 1]))
            .filter_map(|&(i, read)| read.map(|(len, toned)| (i, len, toned)))
    }

    /// The tone-marked annotations after CJK characters: a page with a few is a
    /// page whose site annotates.
    pub fn toned(&self) -> usize {
        self.after_ideographs().filter(|a| a.2).count()
    }
}

/// Length of a leftover `yōu)` (an annotation whose `(` was eaten) at `chars[i]`.
pub fn leftover_len(chars: &[char], i: usize) -> Option<usize> {
    let close = (i..chars.len().min(i + 41)).find(|&j| chars[j] == ')')?;
    syllables(&chars[i..close])?.then_some(close + 1 - i)
}

/// Which syllables a character may be read as: every reading (heteronyms
/// included) the general table of the `pinyin` crate gives it, and the ones the
/// document's own annotations give it.
pub struct Readings {
    own: FxHashMap<char, Vec<String>>,
}

impl Readings {
    /// The readings known for a document's characters, from its annotations.
    pub fn of(annotations: &Annotations) -> Readings {
        let chars = annotations.chars;
        let mut own: FxHashMap<char, Vec<String>> = FxHashMap::default();
        for (i, n, _) in annotations.after_ideographs().filter(|a| a.2) {
            // The first syllable, compared where it stands: a page annotates
            // the same characters over and over, and only a reading not yet
            // known is copied.
            let inner = &chars[i + 1..i + n - 1];
            let first = inner.split(|&c| c == ' ').next().unwrap_or_default();
            let rs = own.entry(chars[i - 1]).or_default();
            if !rs.iter().any(|r| r.chars().eq(first.iter().copied())) {
                rs.push(first.iter().collect());
            }
        }
        Readings { own }
    }

    /// Whether `c` may be read `syllable` (tone-marked); `None` when nothing is
    /// known of how `c` is read.
    pub fn admits(&self, c: char, syllable: &str) -> Option<bool> {
        let general = c.to_pinyin_multi();
        let own = self.own.get(&c);
        if general.is_none() && own.is_none() {
            return None;
        }
        let in_general = general.is_some_and(|m| m.into_iter().any(|p| p.with_tone() == syllable));
        Some(in_general || own.is_some_and(|rs| rs.iter().any(|r| r == syllable)))
    }
}

/// Counts tone-marked annotations after CJK characters: a page with a few is a
/// page whose site annotates.
pub fn count_toned(chars: &[char]) -> usize {
    Annotations::of(chars).toned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The set holds what the rule says: a final alone when it starts with
    /// `a`, `o` or `e`; an initial and a final; `y` or `w` alone. Checked on
    /// every string of up to four letters and on every initial and final with
    /// a letter more or less.
    #[test]
    fn the_syllable_set_is_the_rule() {
        let rule = |b: &str| {
            FINALS.contains(&b) && matches!(b.as_bytes()[0], b'a' | b'o' | b'e')
                || INITIALS.iter().any(|i| {
                    b.strip_prefix(i).is_some_and(|f| {
                        FINALS.contains(&f) || (*i == "y" || *i == "w") && f.is_empty()
                    })
                })
        };
        let letters: Vec<char> = ('a'..='z').collect();
        let mut words: Vec<String> = letters.iter().map(|c| c.to_string()).collect();
        let mut last = words.clone();
        for _ in 1..4 {
            last = (last.iter())
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(last.iter().cloned());
        }
        for i in INITIALS.iter().chain([&""]) {
            for f in FINALS.iter().chain([&""]) {
                let w = format!("{i}{f}");
                words.extend(letters.iter().map(|c| format!("{w}{c}")));
                words.extend(w.get(..w.len().saturating_sub(1)).map(str::to_string));
                words.push(w);
            }
        }
        for w in words.iter().filter(|w| !w.is_empty() && w.len() <= 6) {
            assert_eq!(syllable(&chars(w)).is_some(), rule(w), "{w}");
        }
    }

    #[test]
    fn tone_marked_syllables_are_pinyin() {
        assert_eq!(syllables(&chars("qū")), Some(true));
        assert_eq!(syllables(&chars("chǎn")), Some(true));
        assert_eq!(syllables(&chars("zhuǎn")), Some(true));
        assert_eq!(syllables(&chars("lǜ")), Some(true));
        assert_eq!(syllables(&chars("xiàn shì")), Some(true));
        assert_eq!(syllables(&chars("men")), Some(false));
    }

    #[test]
    fn abbreviations_and_words_are_not_pinyin() {
        for s in [
            "GDP",
            "PPP",
            "市",
            "2013—2015年",
            "含公辦園",
            "ok",
            "http",
            "xyz",
            "",
        ] {
            assert_eq!(syllables(&chars(s)), None, "{s}");
        }
    }

    #[test]
    fn toneless_only_on_annotated_pages() {
        let c = chars("我們(men)");
        assert_eq!(annotation_len(&c, 2, false), None);
        assert_eq!(annotation_len(&c, 2, true), Some(5));
    }
}
