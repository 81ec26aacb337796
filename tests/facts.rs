//! Facts read from the seed reports: the headline figures and targets, hand-checked, and nothing invented.

mod common;

use baogao::facts::{catalog, check_targets, extract};
use baogao::model::{Corpus, Dates, Doc, Fact, FactKind, Period, Sentence, TargetStatus};

/// Removes the sites' pinyin annotations (`區(qū)`), which the clean stage owns.
fn strip_pinyin(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let pinyin =
        |c: char| c.is_ascii_lowercase() || c == ' ' || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c);
    while i < chars.len() {
        if chars[i] == '(' && i > 0 && !chars[i - 1].is_ascii() {
            if let Some(len) = chars[i + 1..].iter().position(|&c| c == ')') {
                let inner = &chars[i + 1..i + 1 + len];
                if !inner.is_empty()
                    && inner.iter().all(|&c| pinyin(c))
                    && inner
                        .iter()
                        .any(|c| c.is_ascii_lowercase() || !c.is_ascii())
                {
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
    let path = common::seed_path(prefix);
    let raw = std::fs::read_to_string(&path).unwrap();
    let text: String = strip_pinyin(&raw)
        .chars()
        .map(baogao::model::fold_width)
        .collect();
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

/// One expected fact: indicator, value, unit, change %, change pp, kind, years, part.
type Row = (
    Option<&'static str>,
    Option<f64>,
    Option<&'static str>,
    Option<f64>,
    Option<f64>,
    FactKind,
    (i32, i32),
    Option<&'static str>,
);

fn find<'a>(doc: &'a Doc, quote_has: &str, row: &Row) -> &'a Fact {
    let (ind, value, unit, pct, pp, kind, (ps, pe), part) = *row;
    doc.facts
        .iter()
        .find(|f| {
            f.quote.contains(quote_has)
                && f.indicator.as_deref() == ind
                && f.value == value
                && f.unit.as_deref() == unit
                && f.change_pct == pct
                && f.change_pp == pp
                && f.kind == kind
                && f.period_start == Some(ps)
                && f.period_end == Some(pe)
                && f.period_part.as_deref() == part
        })
        .unwrap_or_else(|| {
            let near: Vec<_> = doc
                .facts
                .iter()
                .filter(|f| f.quote.contains(quote_has))
                .collect();
            panic!(
                "{}: no fact {row:?} quoting {quote_has}; near: {near:#?}",
                doc.id
            )
        })
}

use FactKind::{Actual, Cumulative, Target};

#[test]
fn headline_figures_of_the_2014_luohu_report() {
    let doc = seed_doc("000", Some((2013, 2013)), Some((2014, 2014)));
    let y = (2013, 2013);
    let rows: Vec<(&str, Row)> = vec![
        (
            "1488",
            (
                Some("gdp"),
                Some(1488.0),
                Some("亿元"),
                Some(9.2),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "924",
            (
                Some("retail_sales"),
                Some(924.0),
                Some("亿元"),
                Some(10.7),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "87亿元",
            (
                Some("industrial_value_added"),
                Some(87.0),
                Some("亿元"),
                Some(8.9),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "89亿元",
            (
                Some("fixed_asset_investment"),
                Some(89.0),
                Some("亿元"),
                Some(9.1),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "366",
            (
                Some("trade_total"),
                Some(366.0),
                Some("亿美元"),
                Some(6.5),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "314.9",
            (
                Some("tax_revenue"),
                Some(314.9),
                Some("亿元"),
                Some(4.3),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "60亿元",
            (
                Some("budget_revenue"),
                Some(60.0),
                Some("亿元"),
                Some(7.3),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "2.3平方米",
            (
                Some("land_use_per_gdp"),
                Some(2.3),
                Some("平方米"),
                Some(-7.5),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "8.3立方米",
            (
                Some("water_use_per_gdp"),
                Some(8.3),
                Some("立方米"),
                Some(-9.5),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "277.9",
            (
                Some("power_use_per_gdp"),
                Some(277.9),
                Some("千瓦时"),
                Some(-9.6),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "92.7%",
            (
                Some("tertiary_share"),
                Some(92.7),
                Some("%"),
                None,
                Some(0.6),
                Actual,
                y,
                None,
            ),
        ),
        (
            "8.49",
            (
                Some("fdi_actual"),
                Some(8.49),
                Some("亿美元"),
                Some(9.15),
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "43.2",
            (
                Some("livelihood_spending"),
                Some(43.2),
                Some("亿元"),
                None,
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "失业率3%",
            (
                Some("unemployment_rate"),
                Some(3.0),
                Some("%"),
                None,
                None,
                Actual,
                y,
                None,
            ),
        ),
        (
            "79.1%",
            (
                Some("air_quality_rate"),
                Some(79.1),
                Some("%"),
                None,
                None,
                Actual,
                y,
                None,
            ),
        ),
        // Counts are facts without an indicator.
        (
            "2.3万户",
            (None, Some(2.3), Some("万户"), None, None, Actual, y, None),
        ),
        (
            "5所学校",
            (None, Some(5.0), Some("所"), None, None, Actual, y, None),
        ),
    ];
    for (q, row) in &rows {
        find(&doc, q, row);
    }
    let f = find(&doc, "失业率3%", &rows[13].1);
    assert_eq!(f.qualifier.as_deref(), Some("以内"));
    let gdp = find(&doc, "1488", &rows[0].1);
    assert_eq!(gdp.value_base, Some(1488e8));
    assert_eq!(gdp.subject, "本区生产总值");
    assert_eq!(gdp.quote, "本区生产总值完成1488亿元,同比增长9.2%");
}

#[test]
fn targets_of_the_2014_luohu_report() {
    let doc = seed_doc("000", Some((2013, 2013)), Some((2014, 2014)));
    let y = (2014, 2014);
    let rows: Vec<(&str, Row, Option<&str>)> = vec![
        (
            "增长8%",
            (Some("gdp"), None, None, Some(8.0), None, Target, y, None),
            Some("左右"),
        ),
        (
            "增长9%",
            (
                Some("retail_sales"),
                None,
                None,
                Some(9.0),
                None,
                Target,
                y,
                None,
            ),
            Some("左右"),
        ),
        (
            "增长3%",
            (
                Some("fixed_asset_investment"),
                None,
                None,
                Some(3.0),
                None,
                Target,
                y,
                None,
            ),
            Some("左右"),
        ),
        (
            "增长5%",
            (
                Some("budget_revenue"),
                None,
                None,
                Some(5.0),
                None,
                Target,
                y,
                None,
            ),
            Some("左右"),
        ),
        (
            "建设用地、水耗、电耗分别下降5%",
            (
                Some("land_use_per_gdp"),
                None,
                None,
                Some(-5.0),
                None,
                Target,
                y,
                None,
            ),
            Some("左右"),
        ),
        (
            "水耗、电耗分别下降5%、5%",
            (
                Some("water_use_per_gdp"),
                None,
                None,
                Some(-5.0),
                None,
                Target,
                y,
                None,
            ),
            Some("左右"),
        ),
        (
            "3%左右",
            (
                Some("power_use_per_gdp"),
                None,
                None,
                Some(-3.0),
                None,
                Target,
                y,
                None,
            ),
            Some("左右"),
        ),
        (
            "控制在3%以内",
            (
                Some("unemployment_rate"),
                Some(3.0),
                Some("%"),
                None,
                None,
                Target,
                y,
                None,
            ),
            Some("以内"),
        ),
        (
            "新建5所",
            (None, Some(5.0), Some("所"), None, None, Target, y, None),
            None,
        ),
    ];
    for (q, row, qual) in &rows {
        assert_eq!(find(&doc, q, row).qualifier.as_deref(), *qual, "{q}");
    }
}

#[test]
fn headline_figures_of_the_2021_five_year_report_in_traditional_script() {
    let doc = seed_doc("001", Some((2016, 2020)), Some((2021, 2025)));
    let rows: Vec<(&str, Row)> = vec![
        (
            "1708.4",
            (
                Some("gdp"),
                Some(1708.4),
                Some("億元"),
                None,
                None,
                Actual,
                (2015, 2015),
                None,
            ),
        ),
        (
            "2375.3",
            (
                Some("gdp"),
                Some(2375.3),
                Some("億元"),
                None,
                None,
                Actual,
                (2020, 2020),
                None,
            ),
        ),
        (
            "6.2%",
            (
                Some("gdp"),
                None,
                None,
                Some(6.2),
                None,
                Actual,
                (2016, 2020),
                None,
            ),
        ),
        (
            "1428",
            (
                Some("fixed_asset_investment"),
                Some(1428.0),
                Some("億元"),
                None,
                None,
                Cumulative,
                (2016, 2020),
                None,
            ),
        ),
        (
            "25.0%",
            (
                Some("fixed_asset_investment"),
                None,
                None,
                Some(25.0),
                None,
                Actual,
                (2016, 2020),
                None,
            ),
        ),
        (
            "85億元",
            (
                Some("budget_revenue"),
                Some(85.0),
                Some("億元"),
                None,
                None,
                Actual,
                (2015, 2015),
                None,
            ),
        ),
        (
            "137億元",
            (
                Some("budget_revenue"),
                Some(137.0),
                Some("億元"),
                None,
                None,
                Actual,
                (2020, 2020),
                None,
            ),
        ),
        (
            "4.7萬元",
            (
                Some("per_capita_disposable_income"),
                Some(4.7),
                Some("萬元"),
                None,
                None,
                Actual,
                (2015, 2015),
                None,
            ),
        ),
        (
            "6.8萬元",
            (
                Some("per_capita_disposable_income"),
                Some(6.8),
                Some("萬元"),
                None,
                None,
                Actual,
                (2020, 2020),
                None,
            ),
        ),
        (
            "25.7%",
            (
                Some("land_use_per_gdp"),
                None,
                None,
                Some(-25.7),
                None,
                Cumulative,
                (2016, 2020),
                None,
            ),
        ),
        (
            "37.9%",
            (
                Some("water_use_per_gdp"),
                None,
                None,
                Some(-37.9),
                None,
                Cumulative,
                (2016, 2020),
                None,
            ),
        ),
        (
            "25.1%",
            (
                Some("power_use_per_gdp"),
                None,
                None,
                Some(-25.1),
                None,
                Cumulative,
                (2016, 2020),
                None,
            ),
        ),
        (
            "1216.5",
            (
                Some("retail_sales"),
                Some(1216.5),
                Some("億元"),
                None,
                None,
                Actual,
                (2020, 2020),
                None,
            ),
        ),
        (
            "720億元",
            (
                Some("livelihood_spending"),
                Some(720.0),
                Some("億元"),
                None,
                None,
                Actual,
                (2016, 2020),
                None,
            ),
        ),
        (
            "18.2",
            (
                Some("pm25"),
                Some(18.2),
                Some("微克/立方米"),
                None,
                None,
                Actual,
                (2020, 2020),
                None,
            ),
        ),
        (
            "99.7%",
            (
                Some("air_quality_rate"),
                Some(99.7),
                Some("%"),
                None,
                None,
                Actual,
                (2020, 2020),
                None,
            ),
        ),
        // The next five years' targets.
        (
            "3300",
            (
                Some("gdp"),
                Some(3300.0),
                Some("億元"),
                None,
                None,
                Target,
                (2025, 2025),
                None,
            ),
        ),
        (
            "2500",
            (
                Some("fixed_asset_investment"),
                Some(2500.0),
                Some("億元"),
                None,
                None,
                Target,
                (2021, 2025),
                None,
            ),
        ),
        (
            "1600億元",
            (
                Some("retail_sales"),
                Some(1600.0),
                Some("億元"),
                None,
                None,
                Target,
                (2025, 2025),
                None,
            ),
        ),
        (
            "年均增長6%",
            (
                Some("per_capita_disposable_income"),
                None,
                None,
                Some(6.0),
                None,
                Target,
                (2021, 2025),
                None,
            ),
        ),
        (
            "3.5%",
            (
                Some("unemployment_rate"),
                Some(3.5),
                Some("%"),
                None,
                None,
                Target,
                (2021, 2025),
                None,
            ),
        ),
    ];
    for (q, row) in &rows {
        find(&doc, q, row);
    }
}

#[test]
fn first_half_figures_of_the_2017_plenum_news() {
    let doc = seed_doc("003", Some((2017, 2017)), Some((2017, 2017)));
    let y = (2017, 2017);
    let rows: Vec<(&str, Row)> = vec![
        (
            "957.1",
            (
                Some("gdp"),
                Some(957.1),
                Some("亿元"),
                Some(8.6),
                None,
                Actual,
                y,
                Some("H1"),
            ),
        ),
        (
            "73.31",
            (
                None,
                Some(73.31),
                Some("亿元"),
                Some(38.3),
                None,
                Actual,
                y,
                Some("M1-M7"),
            ),
        ),
        (
            "150.4",
            (
                Some("livelihood_spending"),
                Some(150.4),
                Some("亿元"),
                None,
                None,
                Actual,
                y,
                Some("H1"),
            ),
        ),
        (
            "88.1%",
            (
                None,
                Some(88.1),
                Some("%"),
                None,
                None,
                Actual,
                y,
                Some("H1"),
            ),
        ),
        (
            "下降27%",
            (
                None,
                None,
                None,
                Some(-27.0),
                None,
                Actual,
                y,
                Some("M1-M7"),
            ),
        ),
        (
            "99.29%",
            (None, Some(99.29), Some("%"), None, None, Actual, y, None),
        ),
        // Plans for the rest of the year.
        (
            "200亿元",
            (None, Some(200.0), Some("亿元"), None, None, Target, y, None),
        ),
        (
            "新开工14个",
            (None, Some(14.0), Some("个"), None, None, Target, y, None),
        ),
        (
            "60万人",
            (None, Some(60.0), Some("万人"), None, None, Target, y, None),
        ),
    ];
    for (q, row) in &rows {
        find(&doc, q, row);
    }
}

#[test]
fn targets_of_the_2015_futian_plan() {
    let doc = seed_doc("002", None, Some((2015, 2015)));
    let y = (2015, 2015);
    assert!(doc.facts.iter().all(|f| f.kind == Target));
    let rows: Vec<(&str, Row)> = vec![
        (
            "90%",
            (None, Some(90.0), Some("%"), None, None, Target, y, None),
        ),
        (
            "100万平方米",
            (
                None,
                Some(100.0),
                Some("万平方米"),
                None,
                None,
                Target,
                y,
                None,
            ),
        ),
        (
            "100亿元",
            (None, Some(100.0), Some("亿元"), None, None, Target, y, None),
        ),
        (
            "5000万元",
            (
                None,
                Some(5000.0),
                Some("万元"),
                None,
                None,
                Target,
                y,
                None,
            ),
        ),
    ];
    for (q, row) in &rows {
        find(&doc, q, row);
    }
}

/// The digits or numerals a value was read from must stand in its quote.
fn value_in_quote(f: &Fact) -> bool {
    let Some(v) = f.value else { return true };
    let q = &f.quote;
    let arabic = format!("{v}");
    let plain: String = q.chars().filter(|c| *c != ',' && *c != ' ').collect();
    plain.contains(&arabic)
        || plain.contains(&format!("{v:.1}"))
        || plain.contains(&format!("{v:.2}"))
        || q.contains("分之")
        || q.chars()
            .any(|c| "一二三四五六七八九十百千两兩".contains(c))
}

#[test]
fn nothing_is_invented_in_any_seed() {
    for doc in seeds() {
        assert!(!doc.facts.is_empty(), "{}", doc.id);
        for f in &doc.facts {
            let s = doc.sentence(&f.sentence).unwrap();
            let span: String = s
                .norm
                .chars()
                .skip(f.quote_start as usize)
                .take((f.quote_end - f.quote_start) as usize)
                .collect();
            assert_eq!(span, f.quote, "{}: quote span", doc.id);
            assert!(s.norm.contains(&f.quote));
            assert!(
                value_in_quote(f),
                "{}: value {:?} not in «{}»",
                doc.id,
                f.value,
                f.quote
            );
            assert!(f.value.is_some() || f.change_pct.is_some() || f.change_pp.is_some());
        }
    }
}

#[test]
fn years_ordinals_meetings_and_document_numbers_are_not_facts() {
    for doc in seeds() {
        for f in &doc.facts {
            for bad in ["年", "届", "第", "〔", "号"] {
                if let Some(u) = &f.unit {
                    assert!(!u.contains(bad), "{}: unit {u} in «{}»", doc.id, f.quote);
                }
            }
        }
    }
    let doc = seed_doc("004", None, Some((2013, 2015)));
    assert!(!doc
        .facts
        .iter()
        .any(|f| f.value == Some(2013.0) || f.value == Some(3.0) && f.quote.contains("號")));
}

#[test]
fn targets_pair_with_results_across_the_corpus() {
    let mut docs = seeds();
    // A 2015 report of the same district stating the 2014 result.
    let mut later = seed_doc("000", Some((2014, 2014)), Some((2015, 2015)));
    later.id = "later".into();
    later.facts.retain(|f| f.kind == Actual);
    docs.push(later);
    let corpus = Corpus {
        docs,
        ..Corpus::default()
    };
    let checks = check_targets(&corpus);
    let status_of = |ind: &str| {
        checks
            .iter()
            .find(|c| {
                let (d, i) = c.target;
                corpus.docs[d as usize].id.starts_with("000")
                    && corpus.docs[d as usize].facts[i as usize]
                        .indicator
                        .as_deref()
                        == Some(ind)
            })
            .map(|c| c.status)
    };
    // 9.2% against 8%左右; 10.7% against 9%左右; the unemployment ceiling 3%.
    assert_eq!(status_of("gdp"), Some(TargetStatus::Met));
    assert_eq!(status_of("retail_sales"), Some(TargetStatus::Met));
    assert_eq!(status_of("unemployment_rate"), Some(TargetStatus::Met));
    // 2025 has not happened in the seeds.
    let pending = checks.iter().any(|c| {
        let (d, _) = c.target;
        corpus.docs[d as usize].id.starts_with("001") && c.status == TargetStatus::NoResultYet
    });
    assert!(pending);
}

#[test]
#[ignore = "prints every fact of the seeds, for review"]
fn dump() {
    for d in seeds() {
        println!("== {} {} facts", d.id, d.facts.len());
        for f in &d.facts {
            println!(
                "{:?}\t{}\t{:?}\t{:?}\t{:?}/{:?}\t{:?}\t{}\t{:?}-{:?} {:?}\t«{}»",
                f.indicator,
                f.subject,
                f.value,
                f.unit,
                f.change_pct,
                f.change_pp,
                f.qualifier,
                f.kind.as_str(),
                f.period_start,
                f.period_end,
                f.period_part,
                f.quote
            );
        }
    }
}
