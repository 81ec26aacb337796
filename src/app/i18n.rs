//! Interface language: each label is written in both languages where it is used,
//! chosen here by the current [`Lang`]. Units and kinds have their own helpers so
//! a figure reads naturally in either language.

use crate::model::DocKind;
use crate::state::Lang;

/// Picks the label for the current language.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn kind_name(lang: Lang, k: DocKind) -> &'static str {
    tr(lang, k.name_zh(), k.name_en())
}

/// Groups digits in threes (12,345) for counts shown to readers.
pub fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
