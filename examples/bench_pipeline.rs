//! Speed of the whole native pipeline on the seed reports (issue 3: goal ≥ 10 MB/s):
//! decode → clean (pinyin, mojibake) → structure → facts → segmentation → target
//! checks, timed per stage over several rounds, excluding what is loaded once per
//! process (the jieba dictionary, OpenCC tables, the character model, the indicator
//! catalog — a first untimed round loads them).
//!
//! `cargo run --release --example bench_pipeline [DIR] [--rounds N]`. Prints figures;
//! asserts nothing.

use baogao::{clean, facts, pipeline, structure, terms};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(10usize);
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let paths = pipeline::report_files(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let inputs: Vec<(PathBuf, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            (
                p.clone(),
                std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
            )
        })
        .collect();
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();

    let t = Instant::now();
    let catalog = facts::catalog();
    let segmenter = terms::Segmenter::new(&[]);
    let _ = clean::repair("預熱：區(qū)?。ㄒ唬");
    println!(
        "baogao pipeline benchmark: {} files, {:.1} KB; one-time loading (dictionary, tables) {:.0} ms",
        inputs.len(),
        bytes as f64 / 1024.0,
        t.elapsed().as_secs_f64() * 1e3
    );

    const STAGES: [&str; 6] = [
        "decode",
        "clean",
        "structure",
        "facts",
        "segment",
        "targets",
    ];
    let mut times = vec![Vec::new(); STAGES.len()];
    let mut totals = Vec::new();
    // Round 0 warms caches and is not counted.
    for round in 0..=rounds {
        let mut spent = [Duration::ZERO; STAGES.len()];
        let mut lap = |stage: usize, t: Instant| spent[stage] += t.elapsed();
        let mut docs = Vec::new();
        for (path, raw) in &inputs {
            let t = Instant::now();
            let text = pipeline::decode(raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            lap(0, t);
            let t = Instant::now();
            let cleaned = clean::repair(&text);
            if std::env::var_os("BENCH_PER_FILE").is_some() && round == 1 {
                eprintln!(
                    "clean {}: {:.1} ms",
                    path.display(),
                    t.elapsed().as_secs_f64() * 1e3
                );
            }
            lap(1, t);
            let t = Instant::now();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let mut doc = structure::build(&pipeline::doc_id(path), &file, cleaned);
            lap(2, t);
            let t = Instant::now();
            doc.facts = facts::extract(&doc, &catalog);
            lap(3, t);
            docs.push(doc);
        }
        let mut corpus = baogao::model::Corpus {
            docs,
            indicators: catalog.clone(),
            ..Default::default()
        };
        let t = Instant::now();
        segmenter.tokenize_corpus(&mut corpus);
        lap(4, t);
        let t = Instant::now();
        corpus.targets = facts::check_targets(&corpus);
        lap(5, t);
        if round > 0 {
            for (i, s) in spent.iter().enumerate() {
                times[i].push(s.as_secs_f64());
            }
            totals.push(spent.iter().sum::<Duration>().as_secs_f64());
        }
    }
    let median = |v: &mut Vec<f64>| -> f64 {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mb = bytes as f64 / 1e6;
    println!("stage        median ms   MB/s   (over {rounds} rounds)");
    for (i, name) in STAGES.iter().enumerate() {
        let m = median(&mut times[i]);
        println!("{name:<12} {:>9.1} {:>7.1}", m * 1e3, mb / m);
    }
    let m = median(&mut totals);
    println!(
        "whole        {:>9.1} {:>7.1}   (goal ≥ 10 MB/s: {})",
        m * 1e3,
        mb / m,
        if mb / m >= 10.0 { "met" } else { "not met" }
    );
    // What `inspect` and `bundle` do per file (read, decode, clean, structure,
    // facts), with files built side by side on every core.
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    let mut laps: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            let built = pipeline::build_all(&refs);
            let s = t.elapsed().as_secs_f64();
            assert!(built.iter().all(|b| b.is_ok()));
            s
        })
        .collect();
    let m = median(&mut laps);
    println!(
        "per file, {} threads (read → facts): {:.1} ms, {:.1} MB/s",
        pipeline::build_threads(refs.len()),
        m * 1e3,
        mb / m
    );
}
