//! Interface language: each label is written in both languages where it is used,
//! chosen here by the current [`Lang`]. Units and kinds have their own helpers so
//! a figure reads naturally in either language.

use crate::model::DocKind;
use crate::state::Lang;
use leptos::prelude::*;

/// A label that follows the language. Every label of the app is this one closure
/// type, so the reactive text and attribute code is compiled once rather than once
/// per label.
pub fn label(
    lang: Memo<Lang>,
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || tr(lang.get(), zh, en)
}

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

/// A unit as the reader's language writes it (亿元 → 100 million yuan).
pub fn unit(lang: Lang, unit: &str) -> String {
    if lang == Lang::Zh {
        return unit.to_string();
    }
    let known = [
        ("亿元", "100 million yuan"),
        ("万亿元", "trillion yuan"),
        ("万元", "10,000 yuan"),
        ("元", "yuan"),
        ("亿美元", "100 million US$"),
        ("万美元", "10,000 US$"),
        ("美元", "US$"),
        ("个百分点", "percentage points"),
        ("百分点", "percentage points"),
        ("万人", "10,000 people"),
        ("人", "people"),
        ("万户", "10,000 households"),
        ("户", "households"),
        ("万平方米", "10,000 m²"),
        ("平方米", "m²"),
        ("平方公里", "km²"),
        ("公里", "km"),
        ("亩", "mu"),
        ("个", ""),
        ("家", "firms"),
        ("所", "schools"),
        ("套", "units"),
        ("项", "items"),
        ("微克/立方米", "µg/m³"),
        ("天", "days"),
        ("吨", "tonnes"),
        ("万吨", "10,000 tonnes"),
    ];
    known
        .iter()
        .find(|(zh, _)| *zh == unit)
        .map_or_else(|| unit.to_string(), |(_, en)| en.to_string())
}

/// A fact kind in the reader's language.
pub fn fact_kind(lang: Lang, k: crate::model::FactKind) -> &'static str {
    use crate::model::FactKind::*;
    match k {
        Actual => tr(lang, "实际", "actual"),
        Target => tr(lang, "目标", "target"),
        Cumulative => tr(lang, "累计", "cumulative"),
    }
}

/// A target status in the reader's language.
pub fn status(lang: Lang, s: crate::model::TargetStatus) -> &'static str {
    use crate::model::TargetStatus::*;
    match s {
        Met => tr(lang, "已实现", "met"),
        Missed => tr(lang, "未实现", "missed"),
        NoResultYet => tr(lang, "尚无结果", "no result yet"),
    }
}

/// The period of a fact: `2013`, `2016–2020`, `2017 H1`.
pub fn period(f: &crate::model::Fact) -> String {
    let years = match (f.period_start, f.period_end) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (_, Some(b)) => b.to_string(),
        (Some(a), None) => a.to_string(),
        (None, None) => String::new(),
    };
    match &f.period_part {
        Some(p) => format!("{years} {p}"),
        None => years,
    }
}

/// A number for reading: no float noise, at most two decimals.
pub fn num(n: f64) -> String {
    crate::export::format_number((n * 100.0).round() / 100.0)
}

/// A change with its sign: `+9.2`, `-3`.
pub fn signed(n: f64) -> String {
    let s = num(n);
    if n > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}
