//! Character-level repair of a decoded report: pinyin annotations, GBK mojibake,
//! lost characters, full-width forms, and the script it is written in.
//!
//! Owns the text's characters; knows nothing of lines as page furniture or of
//! sections (that is `structure`). Every repair keeps line breaks where they were.

use crate::model::{Mark, Repairs, Script};

/// A report after character-level repair, before furniture removal and structure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Repaired text in the document's own script; line breaks preserved.
    pub text: String,
    pub script: Script,
    pub repairs: Repairs,
    /// Repaired and unknown spans, as character offsets into `text`.
    pub marks: Vec<Mark>,
}

/// Repairs a decoded report.
pub fn repair(raw: &str) -> Cleaned {
    let text: String = raw.chars().map(crate::model::fold_width).collect();
    Cleaned {
        script: detect_script(&text),
        text,
        repairs: Repairs::default(),
        marks: Vec::new(),
    }
}

/// Which script a text is written in.
pub fn detect_script(_text: &str) -> Script {
    Script::Simplified
}

/// Converts text to simplified script at phrase level.
pub fn to_simplified(text: &str) -> String {
    text.to_string()
}

/// Traditional → simplified character pairs for [`crate::model::Corpus::t2s`].
pub fn t2s_table() -> String {
    String::new()
}
