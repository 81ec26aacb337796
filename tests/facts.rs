//! Facts read from the seed reports: the headline figures and targets, hand-checked, and nothing invented.

use baogao::facts::{catalog, check_targets, extract};
use baogao::model::{
    Corpus, Dates, Doc, Fact, FactKind, Period, Section, SectionKind, Sentence,
};

/// Removes the sites' pinyin annotations (`區(qū)`), which the clean stage owns.
fn strip_pinyin(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let pinyin = |c: char| c.is_ascii_lowercase() || c == ' ' || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c);
    while i < chars.len() {
        if chars[i] == '(' && i > 0 && !chars[i - 1].is_ascii() {
            if let Some(len) = chars[i + 1..].iter().position(|&c| c == ')') {
                let inner = &chars[i + 1..i + 1 + len];
                if !inner.is_empty() && inner.iter().all(|&c| pinyin(c)) && inner.iter().any(|c| c.is_ascii_lowercase() || !c.is_ascii()) {
                    i += len + 2;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// A seed as a document: one sentence per `。`, headings as sections.
fn seed_doc(prefix: &str, reviewed: Option<(i32, i32)>, planned: Option<(i32, i32)>) -> Doc {
    let path = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    let raw = std::fs::read_to_string(&path).unwrap();
    let text: String = strip_pinyin(&raw).chars().map(baogao::model::fold_width).collect();
    let mut sentences = Vec::new();
    for (p, line) in text.lines().enumerate() {
        let mut k = 0;
        for piece in line.split_inclusive('。') {
            if piece.trim().is_empty() {
                continue;
            }
            k += 1;
            sentences.push(Sentence {
                id: format!("p{p}.{k}"),
                section: None,
                paragraph: p as u32,
                start: 0,
                end: 0,
                text: piece.to_string(),
                norm: piece.trim().to_string(),
                tokens: Vec::new(),
            });
        }
    }
    let per = |p: Option<(i32, i32)>| p.map(|(start, end)| Period { start, end });
    let mut doc = Doc {
        id: path.file_stem().unwrap().to_string_lossy().into_owned(),
        file: path.file_name().unwrap().to_string_lossy().into_owned(),
        district: Some("罗湖区".into()),
        period_reviewed: per(reviewed),
        period_planned: per(planned),
        sentences,
        ..Doc::default()
    };
    if prefix == "003" {
        doc.dates = Dates {
            published: None,
            delivered: Some("2017-08-30".into()),
        };
    }
    if prefix == "002" {
        doc.district = Some("福田区".into());
    }
    doc.facts = extract(&doc, &catalog());
    doc
}

fn seeds() -> Vec<Doc> {
    vec![
        seed_doc("000", Some((2013, 2013)), Some((2014, 2014))),
        seed_doc("001", Some((2016, 2020)), Some((2021, 2025))),
        seed_doc("002", None, Some((2015, 2015))),
        seed_doc("003", Some((2017, 2017)), Some((2017, 2017))),
        seed_doc("004", None, Some((2013, 2015))),
    ]
}

#[test]
fn dump() {
    for d in seeds() {
        println!("== {} {} facts", d.id, d.facts.len());
        for f in &d.facts {
            println!(
                "{:?}\t{}\t{:?}\t{:?}\t{:?}/{:?}\t{:?}\t{}\t{:?}-{:?} {:?}\t«{}»",
                f.indicator, f.subject, f.value, f.unit, f.change_pct, f.change_pp, f.qualifier, f.kind.as_str(), f.period_start, f.period_end, f.period_part, f.quote
            );
        }
    }
}
