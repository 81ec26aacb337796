//! Keywords: segmentation keeps domain terms whole and works on the simplified text; statistics and the concordance equal brute-force recounts.

use baogao::model::{Corpus, Doc, Sentence};
use baogao::pipeline::{build_corpus, load};
use baogao::query::{select, Filter, Selection};
use baogao::terms::{
    cooccurrence, keyness, kwic, sort_kwic, term_id, top_terms, trend, trend_by_year, KwicSort,
    Segmenter, TermOptions,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

fn seed_corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let paths = baogao::pipeline::report_files(&dir).unwrap();
        let (docs, failures) = load(&paths);
        assert!(failures.is_empty(), "{failures:?}");
        build_corpus(docs)
    })
}

fn segmenter() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| Segmenter::new(&["平安细胞".to_string(), "“三山四湖”".to_string()]))
}

/// A document whose sentences have the given (display text, simplified norm).
fn doc(id: &str, year: i32, sentences: &[(&str, &str)]) -> Doc {
    Doc {
        id: id.to_string(),
        file: format!("{id}.txt"),
        dates: baogao::model::Dates {
            published: Some(format!("{year}-03-01")),
            delivered: None,
        },
        sentences: sentences
            .iter()
            .enumerate()
            .map(|(i, (text, norm))| Sentence {
                id: format!("p{i}.1"),
                section: Some(format!("s{}", i + 1)),
                paragraph: i as u32,
                start: 0,
                end: text.chars().count() as u32,
                text: text.to_string(),
                norm: norm.to_string(),
                tokens: Vec::new(),
            })
            .collect(),
        ..Doc::default()
    }
}

/// One traditional document (norm already simplified) and one simplified one.
fn two_script_corpus() -> Corpus {
    let mut corpus = Corpus {
        docs: vec![
            doc(
                "trad",
                2021,
                &[
                    ("推進城市更新,加強社區治理。", "推进城市更新,加强社区治理。"),
                    ("社區服務中心開放。", "社区服务中心开放。"),
                ],
            ),
            doc(
                "simp",
                2022,
                &[
                    ("城市更新和社区治理并重。", "城市更新和社区治理并重。"),
                    ("粤港澳大湾区建设。", "粤港澳大湾区建设。"),
                ],
            ),
        ],
        t2s: "區区進进強强務务開开".to_string(),
        ..Corpus::default()
    };
    segmenter().tokenize_corpus(&mut corpus);
    corpus
}

fn all(corpus: &Corpus) -> Selection {
    select(corpus, &Filter::default())
}

fn one_doc(corpus: &Corpus, i: usize) -> Selection {
    select(
        corpus,
        &Filter {
            docs: vec![corpus.docs[i].id.clone()],
            ..Filter::default()
        },
    )
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

#[test]
fn domain_terms_stay_whole() {
    let seg = segmenter();
    let text = "推进城市更新和棚改,落实民生微实事,建设粤港澳大湾区和先行示范区,打造一河六圈,创建平安细胞,保护三山四湖。";
    let tokens = seg.cut(text);
    for term in [
        "城市更新",
        "棚改",
        "民生微实事",
        "粤港澳大湾区",
        "先行示范区",
        "一河六圈",
        "平安细胞",
        "三山四湖",
    ] {
        assert!(tokens.contains(&term), "{term} split: {tokens:?}");
        assert!(!seg.is_stop(term), "{term} is a stopword");
    }
}

#[test]
fn stop_rules_catch_numbers_units_latin_and_unknown_but_not_domain_terms() {
    let seg = segmenter();
    for w in [
        "的",
        "和",
        "9.2%",
        "2013",
        "GDP",
        "qū",
        "\u{FFFD}",
        "三个",
        "两万元",
        "十年",
        "亿元",
        "‰",
    ] {
        assert!(seg.is_stop(w), "{w:?} is not a stopword");
    }
    for w in ["十四五", "一河六圈", "城市更新", "一体化", "民生"] {
        assert!(!seg.is_stop(w), "{w:?} is a stopword");
    }
    assert!(seg.is_boilerplate("推进") && !seg.is_boilerplate("民生"));
}

#[test]
fn boilerplate_is_hidden_only_when_asked() {
    let corpus = seed_corpus();
    let sel = all(corpus);
    let id = term_id(corpus, "推进").unwrap();
    let shown = top_terms(corpus, &sel, &TermOptions::default(), usize::MAX);
    assert!(shown.iter().any(|t| t.term == id));
    let opts = TermOptions {
        hide_boilerplate: true,
        ..TermOptions::default()
    };
    let hidden = top_terms(corpus, &sel, &opts, usize::MAX);
    assert!(hidden.iter().all(|t| !corpus.boilerplate[t.term as usize]));
}

#[test]
fn glossary_terms_are_harvested_only_when_they_are_words() {
    let plain = Segmenter::new(&[]);
    assert!(!plain.cut("创建平安细胞").contains(&"平安细胞"));
    let odd = Segmenter::new(&["“1+4+1”政府法律服务制度体系".to_string()]);
    assert!(!odd
        .cut("“1+4+1”政府法律服务制度体系")
        .contains(&"“1+4+1”政府法律服务制度体系"));
}

#[test]
fn seed_corpus_keeps_domain_terms_whole() {
    let corpus = seed_corpus();
    let id = term_id(corpus, "城市更新").expect("城市更新 is a token");
    let count: usize = corpus
        .docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.iter().filter(|&&t| t == id).count())
        .sum();
    assert!(count > 0);
}

#[test]
fn tokens_come_from_norm_so_both_scripts_count_as_one() {
    let corpus = two_script_corpus();
    assert!(
        corpus
            .vocab
            .iter()
            .all(|w| !w.contains('區') && !w.contains('進')),
        "a token was read from the display text: {:?}",
        corpus.vocab
    );
    let top = top_terms(&corpus, &all(&corpus), &TermOptions::default(), 100);
    let stat = |w: &str| {
        let id = term_id(&corpus, w).unwrap();
        top.iter().find(|t| t.term == id).cloned().unwrap()
    };
    assert_eq!((stat("城市更新").count, stat("城市更新").docs), (2, 2));
    // Typed in traditional, the reader's term finds the simplified token.
    assert!(term_id(&corpus, "社区治理").is_some());
    assert_eq!(term_id(&corpus, "社區治理"), term_id(&corpus, "社区治理"));
    assert_eq!((stat("社区治理").count, stat("社区治理").docs), (2, 2));
    let points = trend(&corpus, &all(&corpus), "社區治理");
    assert_eq!(points.iter().map(|p| p.count).collect::<Vec<_>>(), [1, 1]);
    assert_eq!(
        points.iter().map(|p| p.year).collect::<Vec<_>>(),
        [Some(2021), Some(2022)]
    );
}

#[test]
fn vocabulary_is_deduplicated_and_flags_cover_it() {
    let corpus = seed_corpus();
    let unique: BTreeSet<&String> = corpus.vocab.iter().collect();
    assert_eq!(unique.len(), corpus.vocab.len());
    assert_eq!(corpus.stop.len(), corpus.vocab.len());
    assert_eq!(corpus.boilerplate.len(), corpus.vocab.len());
    // Whitespace and punctuation get no entry; the unknown marker is never a keyword.
    for (w, &stop) in corpus.vocab.iter().zip(&corpus.stop) {
        assert!(
            w.chars().any(char::is_alphanumeric),
            "{w:?} has a vocabulary entry"
        );
        assert!(stop || !w.contains(baogao::model::UNKNOWN_CHAR), "{w:?}");
    }
    let n = corpus.vocab.len() as u32;
    assert!(corpus
        .docs
        .iter()
        .flat_map(|d| &d.sentences)
        .all(|s| s.tokens.iter().all(|&t| t < n)));
}

#[test]
fn segmentation_is_deterministic() {
    let a = two_script_corpus();
    let b = two_script_corpus();
    assert_eq!(a.vocab, b.vocab);
    assert_eq!(a.docs, b.docs);
}

/// Term → (count, documents), recounted from the tokens of the selection.
fn recount(corpus: &Corpus, sel: &Selection, hidden: &[bool]) -> BTreeMap<u32, (u32, u32)> {
    let mut out: BTreeMap<u32, (u32, BTreeSet<u32>)> = BTreeMap::new();
    for r in &sel.sentences {
        for &t in &corpus.docs[r.doc as usize].sentences[r.sentence as usize].tokens {
            if !hidden[t as usize] {
                let e = out.entry(t).or_default();
                e.0 += 1;
                e.1.insert(r.doc);
            }
        }
    }
    out.into_iter()
        .map(|(t, (c, d))| (t, (c, d.len() as u32)))
        .collect()
}

#[test]
fn counts_equal_a_brute_force_recount() {
    let corpus = seed_corpus();
    let opts = TermOptions {
        hide_boilerplate: true,
        extra_stop: vec!["罗湖".to_string()],
    };
    let hidden = opts.hidden(corpus);
    assert!(hidden[term_id(corpus, "罗湖").unwrap() as usize]);
    let filtered = select(
        corpus,
        &Filter {
            q: "改革".to_string(),
            ..Filter::default()
        },
    );
    for sel in [all(corpus), one_doc(corpus, 0), filtered] {
        let expected = recount(corpus, &sel, &hidden);
        let top = top_terms(corpus, &sel, &opts, usize::MAX);
        assert_eq!(top.len(), expected.len());
        let chars: usize = sel
            .sentences
            .iter()
            .map(|r| {
                corpus.docs[r.doc as usize].sentences[r.sentence as usize]
                    .norm
                    .chars()
                    .count()
            })
            .sum();
        for w in top.windows(2) {
            assert!(w[0].count > w[1].count || (w[0].count == w[1].count && w[0].term < w[1].term));
        }
        for t in &top {
            assert_eq!(
                expected[&t.term],
                (t.count, t.docs),
                "{}",
                corpus.vocab[t.term as usize]
            );
            assert!((t.per_10k - t.count as f64 * 10_000.0 / chars as f64).abs() < 1e-9);
        }
    }
}

#[test]
fn trend_sums_to_the_selection_count() {
    let corpus = seed_corpus();
    let sel = all(corpus);
    let top = top_terms(corpus, &sel, &TermOptions::default(), 5);
    for t in top {
        let points = trend(corpus, &sel, &corpus.vocab[t.term as usize]);
        assert_eq!(points.len(), sel.docs.len());
        assert_eq!(points.iter().map(|p| p.count).sum::<u32>(), t.count);
        for p in &points {
            let chars = corpus.docs[p.doc as usize].char_len();
            assert!((p.per_10k - p.count as f64 * 10_000.0 / chars as f64).abs() < 1e-9);
        }
    }
}

#[test]
fn no_punctuation_numbers_latin_or_unknown_among_top_terms() {
    let corpus = seed_corpus();
    let top = top_terms(corpus, &all(corpus), &TermOptions::default(), 1000);
    assert!(top.len() > 100);
    for t in top {
        let w = &corpus.vocab[t.term as usize];
        assert!(w.chars().all(is_ideograph), "{w:?} is not a word");
        assert!(w.chars().count() > 1, "{w:?} is a lone character");
        assert!(
            !w.chars()
                .all(|c| "零〇一二三四五六七八九十百千万亿两".contains(c)),
            "{w:?} is a number"
        );
        for stop in ["的", "和", "在", "是", "等", "及", "亿元", "万元", "个"] {
            assert_ne!(w, stop);
        }
    }
}

#[test]
fn kwic_hits_equal_substring_counts() {
    let corpus = seed_corpus();
    for sel in [all(corpus), one_doc(corpus, 2)] {
        for needle in ["城市更新", "改革", "罗湖区", "的", "%"] {
            let expected: usize = sel
                .sentences
                .iter()
                .map(|r| {
                    corpus.docs[r.doc as usize].sentences[r.sentence as usize]
                        .norm
                        .matches(needle)
                        .count()
                })
                .sum();
            let lines = kwic(corpus, &sel, needle, 12);
            assert_eq!(lines.len(), expected, "{needle}");
            for l in &lines {
                let norm = &corpus.docs[l.doc as usize].sentences[l.sentence as usize].norm;
                let at: String = norm
                    .chars()
                    .skip(l.start as usize)
                    .take(l.hit.chars().count())
                    .collect();
                assert_eq!(at, l.hit);
                assert!(norm.contains(&format!("{}{}{}", l.left, l.hit, l.right)));
                assert!(l.left.chars().count() <= 12 && l.right.chars().count() <= 12);
            }
        }
    }
}

#[test]
fn kwic_finds_both_scripts_from_a_traditional_query() {
    let corpus = two_script_corpus();
    let sel = all(&corpus);
    let expected: usize = corpus
        .docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.norm.matches("社区").count())
        .sum();
    let lines = kwic(&corpus, &sel, "社區", 5);
    assert_eq!(lines.len(), expected);
    assert_eq!(
        lines.iter().map(|l| l.doc).collect::<BTreeSet<_>>().len(),
        2
    );
    assert_eq!(lines[0].section.as_deref(), Some("s1"));
    assert_eq!(
        (lines[0].left.as_str(), lines[0].right.as_str()),
        ("更新,加强", "治理。")
    );
    assert_eq!(lines[0].start, 9);
}

#[test]
fn kwic_sorts_by_left_right_and_document() {
    let corpus = seed_corpus();
    let mut lines = kwic(corpus, &all(corpus), "改革", 8);
    assert!(lines.len() > 10);
    sort_kwic(&mut lines, KwicSort::Left);
    for w in lines.windows(2) {
        assert!(w[0].left.chars().rev().le(w[1].left.chars().rev()));
    }
    sort_kwic(&mut lines, KwicSort::Right);
    for w in lines.windows(2) {
        assert!(w[0].right <= w[1].right);
    }
    sort_kwic(&mut lines, KwicSort::Document);
    for w in lines.windows(2) {
        assert!((w[0].doc, w[0].sentence, w[0].start) < (w[1].doc, w[1].sentence, w[1].start));
    }
}

#[test]
fn keyness_ranks_a_term_only_in_the_selection_high() {
    let corpus = seed_corpus();
    let opts = TermOptions::default();
    assert!(keyness(corpus, &all(corpus), &opts, 50).is_empty());
    let sel = one_doc(corpus, 0);
    let rest = recount(corpus, &all(corpus), &opts.hidden(corpus));
    let mine = recount(corpus, &sel, &opts.hidden(corpus));
    // The most frequent keyword of document 0 that no other document has.
    let (&only_here, _) = mine
        .iter()
        .filter(|(t, (c, _))| rest[t].0 == *c)
        .max_by_key(|(t, (c, _))| (*c, std::cmp::Reverse(**t)))
        .unwrap();
    let key = keyness(corpus, &sel, &opts, 20);
    assert!(
        key.iter().any(|k| k.term == only_here),
        "{} not among {:?}",
        corpus.vocab[only_here as usize],
        key.iter()
            .map(|k| &corpus.vocab[k.term as usize])
            .collect::<Vec<_>>()
    );
    for w in key.windows(2) {
        assert!(w[0].log_likelihood >= w[1].log_likelihood);
    }
    for k in &key {
        assert!(k.per_10k_sel > k.per_10k_rest);
        assert!(k.log_likelihood > 0.0);
        assert_eq!(k.count_sel + k.count_rest, rest[&k.term].0);
    }
}

#[test]
fn cooccurrence_counts_sentences_sharing_the_term() {
    let corpus = seed_corpus();
    let sel = all(corpus);
    let opts = TermOptions::default();
    let hidden = opts.hidden(corpus);
    let id = term_id(corpus, "改革").unwrap();
    let mut expected: BTreeMap<u32, u32> = BTreeMap::new();
    for r in &sel.sentences {
        let s = &corpus.docs[r.doc as usize].sentences[r.sentence as usize];
        if s.tokens.contains(&id) {
            let set: BTreeSet<u32> = s
                .tokens
                .iter()
                .copied()
                .filter(|&t| t != id && !hidden[t as usize])
                .collect();
            for t in set {
                *expected.entry(t).or_default() += 1;
            }
        }
    }
    let got = cooccurrence(corpus, &sel, &opts, "改革", usize::MAX);
    assert_eq!(got.len(), expected.len());
    for (t, n) in got {
        assert_eq!(expected[&t], n);
    }
}

#[test]
fn trend_by_year_sums_documents_of_a_year() {
    let corpus = seed_corpus();
    let sel = all(corpus);
    for term in ["改革", "城市更新", "民生"] {
        let per_doc = trend(corpus, &sel, term);
        let years = trend_by_year(&per_doc);
        let dated: Vec<_> = per_doc.iter().filter(|p| p.year.is_some()).collect();
        assert_eq!(
            years.iter().map(|y| y.count).sum::<u32>(),
            dated.iter().map(|p| p.count).sum::<u32>(),
            "{term}"
        );
        assert_eq!(
            years.iter().map(|y| y.docs.len()).sum::<usize>(),
            dated.len()
        );
        assert!(years.windows(2).all(|w| w[0].year < w[1].year));
        for y in &years {
            let chars: u32 = per_doc
                .iter()
                .filter(|p| p.year == Some(y.year))
                .map(|p| p.chars)
                .sum();
            assert_eq!(y.chars, chars);
            assert!((y.per_10k - y.count as f64 * 1e4 / chars as f64).abs() < 1e-9);
        }
    }
}

#[test]
fn keyness_and_trend_equal_recounts_for_whole_and_partial_documents() {
    // Whole documents are counted from the per-document index, documents a text
    // search cut into are walked sentence by sentence: both must agree with a
    // recount of the tokens.
    let corpus = seed_corpus();
    let opts = TermOptions::default();
    let hidden = opts.hidden(corpus);
    let none = vec![false; corpus.vocab.len()];
    let everything = recount(corpus, &all(corpus), &none);
    let partial = select(
        corpus,
        &Filter {
            q: "发展".to_string(),
            ..Filter::default()
        },
    );
    assert!(partial.sentences.len() < all(corpus).sentences.len());
    for sel in [one_doc(corpus, 1), partial] {
        let mine = recount(corpus, &sel, &none);
        let key = keyness(corpus, &sel, &opts, 50);
        assert!(!key.is_empty());
        for k in key {
            assert_eq!(k.count_sel, mine[&k.term].0);
            assert_eq!(k.count_sel + k.count_rest, everything[&k.term].0);
            assert!(!hidden[k.term as usize]);
        }
        for stat in top_terms(corpus, &sel, &opts, 5) {
            let points = trend(corpus, &sel, &corpus.vocab[stat.term as usize]);
            assert_eq!(points.iter().map(|p| p.count).sum::<u32>(), stat.count);
            assert_eq!(points.len(), sel.docs.len());
        }
    }
}
