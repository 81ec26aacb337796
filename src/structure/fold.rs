//! A small keyword fold used only to *recognise* lines and metadata: pinyin
//! annotations dropped, the traditional forms of the characters our keywords use
//! mapped to simplified (their own pairs first, then every character's simplified
//! form, so a keyword's traditional form outside the pairs is read too),
//! full-width forms folded, a PDF copy's spaces inside dates closed up.
//!
//! It never produces display text: `Doc.text` keeps the repaired characters as they
//! are. It exists so that recognition works in both scripts even when the input
//! still carries annotations the cleaning stage did not remove.

use crate::model::{fold_width, UNKNOWN_CHAR};
pub use crate::terms::is_ideograph;
use std::sync::OnceLock;

/// Traditional → simplified pairs for the characters of our keywords (district
/// names, meeting names, page furniture, document kinds, roles): each as OpenCC
/// gives it, looked up before the full table, and the fold's only table should
/// OpenCC's fail to load.
const PAIRS: &str = "區区羅罗屆届會会議议報报員员龍龙崗岗寶宝鹽盐華华鵬鹏發发佈布時时間间\
體体劃划點点來来資资訊讯編编輯辑責责長长記记書书實实總总開开務务計计過过後后顧顾\
圖图譜谱關关與与進进掃扫機机頁页當当閉闭識识稱称擊击結结導导題题專专欄栏類类覽览\
數数訪访問问閱阅攝摄為为見见習习號号屬属黨党選选舉举幹干綱纲畫画臨临兩两達达於于\
現现們们還还這这裡里對对從从個个將将經经濟济規规劃划鎮镇廳厅屬属網网絡络辦办處处\
強强貫贯徹彻傳传線线誌志錄录瀏浏標标純纯簡简條条說说週周歲岁屆届應应單单紹绍\
輕轻觸触電电話话郵邮熱热國国產产審审預预決决執执聞闻視视頻频礙碍無无門门別别請请託托財财況况並并縣县";

/// `PAIRS` as a [`PairTable`].
fn pair_table() -> &'static PairTable {
    static TABLE: OnceLock<PairTable> = OnceLock::new();
    TABLE.get_or_init(|| PairTable::new(PAIRS))
}

/// A one-to-one character fold read from a string of alternating traditional and
/// simplified characters; where a character appears twice the first pair wins.
pub(crate) struct PairTable {
    /// Pairs sorted by traditional form.
    pairs: Vec<(char, char)>,
    /// One bit per character of the Basic Multilingual Plane: set when it has a pair.
    bmp: Vec<u64>,
}

impl PairTable {
    pub(crate) fn new(pairs: &str) -> PairTable {
        let mut table: Vec<(char, char)> = Vec::new();
        let mut it = pairs.chars();
        while let (Some(t), Some(s)) = (it.next(), it.next()) {
            table.push((t, s));
        }
        // The stable sort keeps the first pair of a character first; dedup keeps it.
        table.sort_by_key(|&(t, _)| t);
        table.dedup_by_key(|&mut (t, _)| t);
        let mut bmp = vec![0u64; 0x10000 / 64];
        for &(t, _) in &table {
            if let Some(w) = bmp.get_mut(t as usize / 64) {
                *w |= 1 << (t as usize % 64);
            }
        }
        PairTable { pairs: table, bmp }
    }

    /// The fold of `c` (itself when it has no pair).
    pub(crate) fn get(&self, c: char) -> char {
        let n = c as usize;
        if n < 0x10000 && self.bmp[n / 64] & (1 << (n % 64)) == 0 {
            return c;
        }
        self.pairs
            .binary_search_by_key(&c, |&(t, _)| t)
            .map_or(c, |i| self.pairs[i].1)
    }
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ".contains(c)
}

/// The fold of a character: its keyword pair first, then its simplified form.
fn fold_char(c: char) -> char {
    match pair_table().get(c) {
        same if same == c => crate::clean::simplify_char(c),
        pair => pair,
    }
}

/// [`fold_char`] of every character of the Basic Multilingual Plane, by code
/// point: a line's characters are folded by one look-up each.
fn bmp_folds() -> &'static [char] {
    static FOLDS: OnceLock<Vec<char>> = OnceLock::new();
    FOLDS.get_or_init(|| {
        (0..0x10000)
            .map(|n| char::from_u32(n).map_or('\0', fold_char))
            .collect()
    })
}

/// Folds a line for recognition (see the module doc).
pub fn fold(s: &str) -> String {
    let folds = bmp_folds();
    let mut out = String::with_capacity(s.len());
    // `s[..copied]` is folded into `out`; characters that fold to themselves are
    // copied in runs rather than one by one.
    let mut copied = 0;
    let mut it = s.char_indices();
    // The previous input character (width-folded), not the previous output one.
    let mut prev: Option<char> = None;
    while let Some((at, raw)) = it.next() {
        let c = fold_width(raw);
        if c == '(' && prev.is_some_and(is_ideograph) {
            // `區(qū)`: a romanisation of at most 8 letters right after a character.
            let mut look = it.clone();
            let mut letters = 0;
            let closed = loop {
                match look.next().map(|(_, l)| fold_width(l)) {
                    Some(l) if letters < 8 && is_pinyin_letter(l) => letters += 1,
                    Some(')') => break letters > 0,
                    _ => break false,
                }
            };
            if closed {
                out.push_str(&s[copied..at]);
                it = look;
                copied = it.offset();
                prev = Some(')');
                continue;
            }
        }
        // A PDF copy's spaces around a date's numbers (`2024 年 1 月 30 日`):
        // closed up, as the prose sets dates.
        if c == ' ' && prev.is_some_and(|p| p.is_ascii_digit() || p == '年' || p == '月') {
            let after = at + raw.len_utf8();
            // (A gap is a space or two: a longer run is no date's.)
            let next = (s[after..].chars().take(3).map(fold_width)).find(|&n| n != ' ');
            let date = match prev {
                Some('年' | '月') => next.is_some_and(|n| n.is_ascii_digit()),
                _ => next.is_some_and(|n| matches!(n, '年' | '月' | '日')),
            };
            if date {
                out.push_str(&s[copied..at]);
                copied = after;
                continue;
            }
        }
        let folded = folds
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| fold_char(c));
        if folded != raw {
            out.push_str(&s[copied..at]);
            out.push(folded);
            copied = at + raw.len_utf8();
        }
        prev = Some(c);
    }
    out.push_str(&s[copied..]);
    out
}

/// The characters of a text as a 128-bit set (code point mod 128), to skip substring
/// searches that cannot match. The texts read for keywords are mostly short, where
/// setting up a substring search costs far more than the search itself.
#[derive(Clone, Copy)]
pub(crate) struct CharSet(u128);

impl CharSet {
    pub(crate) fn of(s: &str) -> CharSet {
        Self::of_chars(s.chars())
    }

    pub(crate) fn of_chars(chars: impl Iterator<Item = char>) -> CharSet {
        CharSet(chars.fold(0, |set, c| set | Self::bit(c)))
    }

    fn bit(c: char) -> u128 {
        1 << (c as u32 % 128)
    }

    /// Whether the text may contain `needle`: false only when one of its characters
    /// is not in the text (the empty needle is in every text).
    pub(crate) fn may_contain(self, needle: &str) -> bool {
        needle.chars().all(|c| self.0 & Self::bit(c) != 0)
    }

    /// Whether `hay`, the text of this set, contains any of `needles`.
    pub(crate) fn any_in(self, hay: &str, needles: &[&str]) -> bool {
        needles
            .iter()
            .any(|n| self.may_contain(n) && hay.contains(n))
    }
}

/// Where `word` first stands in `s`, one of its characters perhaps a repair's
/// unknown one (`我代�`: a mojibake run at the paragraph's start left it so).
pub(crate) fn find_blurred(s: &str, word: &str) -> Option<usize> {
    let w: Vec<char> = word.chars().collect();
    let at: Vec<(usize, char)> = s.char_indices().collect();
    at.windows(w.len())
        .find(|win| blurred_match(win.iter().map(|x| x.1), &w, 1))
        .map(|win| win[0].0)
}

/// Whether `s` ends with `word`, up to `most` of its characters perhaps a
/// repair's unknown ones (`名�解释`).
pub(crate) fn ends_blurred(s: &str, word: &str, most: usize) -> bool {
    let w: Vec<char> = word.chars().collect();
    let n = s.chars().count();
    n >= w.len() && blurred_match(s.chars().skip(n - w.len()), &w, most)
}

/// Whether `got` reads as `want` with at most `most` characters unknown.
fn blurred_match(got: impl Iterator<Item = char>, want: &[char], most: usize) -> bool {
    let mut unknown = 0;
    let mut len = 0;
    for (x, &c) in got.zip(want) {
        len += 1;
        match x {
            UNKNOWN_CHAR => unknown += 1,
            x if x == c => {}
            _ => return false,
        }
    }
    len == want.len() && unknown <= most
}

/// Whether `hay` contains any of `needles` (as `needles.iter().any(|n| hay.contains(n))`).
pub(crate) fn contains_any(hay: &str, needles: &[&str]) -> bool {
    CharSet::of(hay).any_in(hay, needles)
}

/// What a copied page sets before a list item or a title line (`• 中文名:…`):
/// bullets, and the spaces around them.
pub const BULLETS: [char; 9] = ['•', '·', '●', '▪', ' ', '□', '■', '◆', '◇'];

/// Characters that carry sentence-final or clause punctuation.
pub fn has_sentence_punct(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '。' | '!' | '?' | ';' | '！' | '？' | '；'))
}

/// Whether `s` is all ideographs, `lens` of them (a name, a key, a tag).
pub fn ideographs_only(s: &str, lens: std::ops::RangeInclusive<usize>) -> bool {
    lens.contains(&s.chars().count()) && s.chars().all(is_ideograph)
}

pub fn cjk_count(s: &str) -> usize {
    s.chars().filter(|&c| is_ideograph(c)).count()
}

/// The value of a Chinese numeral from 一 to 九十九 (and 〇/零 forms up to that).
pub fn zh_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let cs: Vec<char> = s
        .chars()
        .map(|c| if c == '零' { '〇' } else { c })
        .collect();
    match cs.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a).filter(|&n| n > 0),
        ['十', b] => digit(*b).map(|n| 10 + n),
        [a, '十'] => digit(*a).filter(|&n| n > 1).map(|n| n * 10),
        [a, '十', b] => Some(digit(*a).filter(|&n| n > 1)? * 10 + digit(*b)?),
        _ => None,
    }
}

pub fn is_zh_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_annotations_and_keywords() {
        assert_eq!(fold("羅湖區(qū)第八屆"), "罗湖区第八届");
        // Any character folds, not only the keywords' (`下載`, `減小` on a tool bar).
        assert_eq!(fold("(含公辦)園"), "(含公办)园");
        assert_eq!(fold("下載 減小"), "下载 减小");
        assert_eq!(fold("區(abcdefgh)區(abcdefghi)"), "区区(abcdefghi)");
        assert_eq!(fold("區()區（qū）x(qū)"), "区()区x(qū)");
        assert_eq!(fold("——2024 年 1 月　30 日在"), "——2024年1月30日在");
        assert_eq!(fold("增长 5 倍,共 12 个"), "增长 5 倍,共 12 个");
        assert_eq!(zh_number("十二"), Some(12));
        assert_eq!(zh_number("二十"), Some(20));
        assert_eq!(zh_number("十"), Some(10));
        assert_eq!(zh_number("〇"), None);
    }
}
