//! Times what the app recomputes after a filter change — top terms, one trend and
//! the concordance — over the seed corpus, and prints the mean and p95.
//!
//! `cargo run --release --example bench_terms [SEED_DIR]`. Prints figures only;
//! the budget (5 ms in the browser) is checked by reading them, never asserted.

use baogao::model::Corpus;
use baogao::pipeline::{build_corpus, load};
use baogao::query::{select, Filter};
use baogao::terms::{kwic, top_terms, trend, TermOptions};
use std::path::PathBuf;
use std::time::Instant;

const ROUNDS: usize = 2000;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let paths =
        baogao::pipeline::report_files(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));

    let t = Instant::now();
    let (docs, failures) = load(&paths);
    for f in &failures {
        eprintln!("{f}");
    }
    let loaded = t.elapsed();
    let t = Instant::now();
    let corpus = build_corpus(docs);
    let built = t.elapsed();
    report_corpus(&corpus);
    println!(
        "load {:.0} ms, build_corpus (segmenter load + segmentation) {:.0} ms",
        loaded.as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3
    );

    // The filter changes a reader makes: all documents, one, two, then a search.
    let mut filters = vec![Filter::default()];
    for d in &corpus.docs {
        filters.push(Filter {
            docs: vec![d.id.clone()],
            ..Filter::default()
        });
    }
    filters.push(Filter {
        docs: corpus.docs.iter().take(2).map(|d| d.id.clone()).collect(),
        ..Filter::default()
    });
    filters.push(Filter {
        q: "改革".to_string(),
        ..Filter::default()
    });
    let opts = TermOptions {
        hide_boilerplate: true,
        extra_stop: vec!["罗湖".to_string()],
    };

    let mut select_ms = Vec::new();
    let mut stats_ms = Vec::new();
    let mut sink = 0usize;
    for round in 0..ROUNDS {
        let filter = &filters[round % filters.len()];
        let t = Instant::now();
        let sel = select(&corpus, filter);
        let selected = t.elapsed();
        let t = Instant::now();
        let top = top_terms(&corpus, &sel, &opts, 50);
        let points = trend(&corpus, &sel, "城市更新");
        let lines = kwic(&corpus, &sel, "城市更新", 20);
        stats_ms.push(t.elapsed().as_secs_f64() * 1e3);
        select_ms.push(selected.as_secs_f64() * 1e3);
        sink += top.len() + points.len() + lines.len();
    }
    print_figure("select (query module, for reference)", &mut select_ms);
    print_figure("top_terms(50) + trend + kwic", &mut stats_ms);
    println!(
        "({ROUNDS} filter changes over {} filters; {sink} results)",
        filters.len()
    );
}

fn report_corpus(corpus: &Corpus) {
    let sentences: Vec<_> = corpus.docs.iter().flat_map(|d| &d.sentences).collect();
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let chars: usize = sentences.iter().map(|s| s.norm.chars().count()).sum();
    let stops = corpus.stop.iter().filter(|&&s| s).count();
    let boiler = corpus.boilerplate.iter().filter(|&&b| b).count();
    let token_ids: Vec<&Vec<u32>> = sentences.iter().map(|s| &s.tokens).collect();
    let ids_bytes = postcard::to_allocvec(&token_ids).map_or(0, |b| b.len());
    let vocab_bytes = postcard::to_allocvec(&corpus.vocab).map_or(0, |b| b.len());
    println!(
        "{} docs, {} sentences, {chars} chars, {tokens} tokens, vocab {} ({stops} stop, {boiler} boilerplate)",
        corpus.docs.len(),
        sentences.len(),
        corpus.vocab.len()
    );
    println!("postcard bytes (uncompressed): token ids {ids_bytes}, vocab {vocab_bytes}");
}

fn print_figure(what: &str, ms: &mut [f64]) {
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    let p95 = ms[(ms.len() * 95 / 100).min(ms.len() - 1)];
    println!("{what}: mean {mean:.3} ms, p95 {p95:.3} ms");
}
