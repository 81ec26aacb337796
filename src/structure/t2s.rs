//! Traditional → simplified at phrase level, exactly as `clean::to_simplified`
//! (OpenCC `t2s` through `ferrous-opencc`) converts, but without its per-character
//! dictionary walk and allocations: sentence norms are converted here.
//!
//! The conversion is OpenCC's: left to right, at each character the longest key of
//! the phrase and character dictionaries (`src/data/opencc/`) that starts there is
//! replaced by its first value; a character that starts no key is kept. Tests
//! check every key against `clean::to_simplified`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const PHRASES: &str = include_str!("../data/opencc/TSPhrases.txt");
const CHARACTERS: &str = include_str!("../data/opencc/TSCharacters.txt");

/// What may start at a character.
#[derive(Default)]
struct Entry {
    /// Phrase keys starting with the character and their values, longest first.
    phrases: Vec<(&'static str, &'static str)>,
    /// The value of the character alone, when it is a key.
    single: Option<&'static str>,
}

struct Table {
    entries: HashMap<char, Entry>,
    /// One bit per character of the Basic Multilingual Plane: set when it starts a key.
    bmp: Vec<u64>,
}

/// `(key, first value)` of every entry of an OpenCC dictionary text.
fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (key, values) = l.split_once('\t')?;
            Some((key, values.split(' ').next()?))
        })
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries: HashMap<char, Entry> = HashMap::default();
        for (key, value) in entries_of_both() {
            let Some(first) = key.chars().next() else {
                continue;
            };
            let e = entries.entry(first).or_default();
            if key.len() == first.len_utf8() {
                e.single.get_or_insert(value);
            } else if !e.phrases.iter().any(|&(k, _)| k == key) {
                e.phrases.push((key, value));
            }
        }
        let mut bmp = vec![0u64; 0x10000 / 64];
        for (c, e) in &mut entries {
            // Longest first; a stable sort keeps the dictionary order otherwise.
            e.phrases.sort_by_key(|&(k, _)| std::cmp::Reverse(k.len()));
            if let Some(w) = bmp.get_mut(*c as usize / 64) {
                *w |= 1 << (*c as usize % 64);
            }
        }
        Table { entries, bmp }
    })
}

/// Phrases first: on a key in both dictionaries OpenCC's group takes the first.
fn entries_of_both() -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(PHRASES).chain(entries(CHARACTERS))
}

/// Converts `text` to simplified script (same result as `clean::to_simplified`).
pub fn to_simplified(text: &str) -> String {
    let t = table();
    let mut out = String::with_capacity(text.len());
    // `text[..copied]` is converted into `out`; characters that start no key
    // are copied in runs rather than one by one.
    let mut copied = 0;
    let mut it = text.char_indices();
    while let Some((at, c)) = it.next() {
        let n = c as usize;
        let maybe = n >= 0x10000 || t.bmp[n / 64] & (1 << (n % 64)) != 0;
        let Some(e) = maybe.then(|| t.entries.get(&c)).flatten() else {
            continue;
        };
        let rest = &text[at..];
        let (key_len, value) = match e.phrases.iter().find(|&&(k, _)| rest.starts_with(k)) {
            Some(&(k, v)) => (k.len(), v),
            None => match e.single {
                Some(v) => (c.len_utf8(), v),
                None => continue,
            },
        };
        out.push_str(&text[copied..at]);
        out.push_str(value);
        copied = at + key_len;
        // A phrase's other characters are converted with it.
        while it.offset() < copied {
            it.next();
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean;

    #[test]
    fn same_as_opencc_on_every_key() {
        let keys: Vec<&str> = entries_of_both().map(|(k, _)| k).collect();
        for k in &keys {
            assert_eq!(to_simplified(k), clean::to_simplified(k), "{k}");
        }
        // Keys next to each other and to plain text, so that matches overlap.
        for w in keys.windows(3) {
            let s = format!("{}{}中{}x", w[0], w[1], w[2]);
            assert_eq!(to_simplified(&s), clean::to_simplified(&s), "{s}");
        }
        let mut phrases: Vec<&str> = entries(PHRASES).map(|(k, _)| k).collect();
        let all = phrases.concat();
        assert_eq!(to_simplified(&all), clean::to_simplified(&all));
        phrases.reverse();
        let all = phrases.concat();
        assert_eq!(to_simplified(&all), clean::to_simplified(&all));
        for s in ["", "a", "羅湖區(qū)第八屆", "一目瞭然，發展𠀋"] {
            assert_eq!(to_simplified(s), clean::to_simplified(s), "{s}");
        }
    }
}
