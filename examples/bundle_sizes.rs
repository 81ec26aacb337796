//! Where the bytes of a corpus bundle go, for the size budget (issue 7): each part
//! of the corpus encoded on its own with postcard, raw (run the
//! bundle through `gzip -9` for the transfer size as a whole).
//!
//!   cargo run --release --example bundle_sizes -- [dist/corpus.bin]

use baogao::model::Corpus;

fn size<T: serde::Serialize + ?Sized>(v: &T) -> usize {
    postcard::to_allocvec(v).map(|b| b.len()).unwrap_or(0)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "dist/corpus.bin".into());
    let bytes = std::fs::read(&path).expect("read the bundle");
    let c: Corpus = baogao::bundle::decode(&bytes).expect("decode the bundle");
    let total = bytes.len() as f64;
    let mut parts: Vec<(&str, usize)> = Vec::new();
    let docs = &c.docs;
    let sum = |f: &dyn Fn(&baogao::model::Doc) -> usize| docs.iter().map(f).sum::<usize>();
    parts.push(("docs: display text", sum(&|d| size(&d.text))));
    parts.push((
        "docs: sentence text",
        sum(&|d| d.sentences.iter().map(|s| size(&s.text)).sum()),
    ));
    parts.push((
        "docs: sentence norm",
        sum(&|d| d.sentences.iter().map(|s| size(&s.norm)).sum()),
    ));
    parts.push((
        "docs: sentence norm == text",
        sum(&|d| {
            d.sentences
                .iter()
                .filter(|s| s.norm == s.text)
                .map(|s| size(&s.norm))
                .sum()
        }),
    ));
    parts.push((
        "docs: sentence tokens",
        sum(&|d| d.sentences.iter().map(|s| size(&s.tokens)).sum()),
    ));
    parts.push((
        "docs: sentence ids/sections/offsets",
        sum(&|d| {
            d.sentences
                .iter()
                .map(|s| size(&s.id) + size(&s.section) + size(&(s.paragraph, s.start, s.end)))
                .sum()
        }),
    ));
    parts.push(("docs: facts", sum(&|d| size(&d.facts))));
    parts.push(("docs: marks", sum(&|d| size(&d.marks))));
    parts.push(("docs: sections", sum(&|d| size(&d.sections))));
    parts.push(("vocab", size(&c.vocab)));
    parts.push((
        "stop + boilerplate flags",
        size(&c.stop) + size(&c.boilerplate),
    ));
    parts.push(("indicators", size(&c.indicators)));
    parts.push(("targets", size(&c.targets)));
    parts.push(("t2s table", size(&c.t2s)));
    println!("{path}: {} bytes", bytes.len());
    for (name, n) in parts {
        println!("{name:<38} {n:>10}  {:>5.1}%", 100.0 * n as f64 / total);
    }
}
