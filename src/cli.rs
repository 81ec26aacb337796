//! The command-line tool: `inspect`, `facts`, `terms` and `bundle`.
//!
//! Scriptable: JSON or CSV on stdout, one line per refused file on stderr naming
//! it and the reason, the other files still processed, exit code 1 when any file
//! was refused and 2 on a usage error.

use crate::export::{to_csv, Cell};
use crate::model::{Corpus, Doc, Fact};
use crate::pipeline::{build_corpus, load_with_catalog, CatalogSource, REPORT_THREAD};
use crate::query::{select, Filter};
use crate::terms::{top_terms, TermOptions};
use serde_json::{json, Value};
use std::path::PathBuf;

const USAGE: &str = "\
usage: baogao <command> [options] FILE...

commands:
  inspect FILE... --json        metadata, repairs, sections and sentences of each file
  facts FILE... [--json|--csv]  every figure in the files
  terms FILE... [--top N] [--json]
                                most frequent keywords over all files together
  bundle [--out PATH] FILE...   build the corpus bundle the app loads
                                (default: FILEs = seeds/*.txt|html|htm|docx,
                                PATH = dist/corpus.bin)

options of every command:
  --catalog PATH                per-document metadata overrides (default: the
                                catalog.toml beside each FILE, when there is one)

exit status: 0 ok, 1 some file refused or the catalog unusable, 2 usage error";

/// Parsed command line.
struct Args {
    command: String,
    files: Vec<PathBuf>,
    csv: bool,
    top: usize,
    out: PathBuf,
    catalog: Option<PathBuf>,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut it = args.into_iter();
    let command = it.next().ok_or("no command given")?;
    let mut a = Args {
        command,
        files: Vec::new(),
        csv: false,
        top: 50,
        out: PathBuf::from("dist").join(crate::bundle::FILE_NAME),
        catalog: None,
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => a.csv = false,
            "--csv" => a.csv = true,
            "--top" => {
                let n = it.next().ok_or("--top needs a number")?;
                a.top = n.parse().map_err(|_| format!("--top: not a number: {n}"))?;
            }
            "--out" => a.out = PathBuf::from(it.next().ok_or("--out needs a path")?),
            "--catalog" => {
                a.catalog = Some(PathBuf::from(it.next().ok_or("--catalog needs a path")?))
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.files.push(PathBuf::from(arg)),
        }
    }
    Ok(a)
}

/// Runs the CLI; returns the process exit code.
pub fn run(args: Vec<String>) -> i32 {
    quiet_report_panics();
    let mut a = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("baogao: {e}");
            }
            eprintln!("{USAGE}");
            return 2;
        }
    };
    if a.command == "bundle" && a.files.is_empty() {
        a.files = seed_files();
    }
    if a.files.is_empty() {
        eprintln!("baogao: no input files\n{USAGE}");
        return 2;
    }
    if !matches!(a.command.as_str(), "inspect" | "facts" | "terms" | "bundle") {
        eprintln!("baogao: unknown command {}\n{USAGE}", a.command);
        return 2;
    }
    let source = match &a.catalog {
        Some(p) => CatalogSource::File(p),
        None => CatalogSource::Beside,
    };
    let (docs, failures) = match load_with_catalog(&a.files, source) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("baogao: {e}");
            return 1;
        }
    };
    for f in &failures {
        eprintln!("baogao: {f}");
    }
    let status = match a.command.as_str() {
        "inspect" => print_json(docs.iter().map(inspect_json).collect()),
        "facts" => {
            let facts: Vec<&Fact> = docs.iter().flat_map(|d| &d.facts).collect();
            if a.csv {
                print_out(facts_csv(&facts).trim_end_matches("\r\n"))
            } else {
                print_json(facts.into_iter().map(fact_json).collect())
            }
        }
        "terms" => {
            let corpus = build_corpus(docs);
            print_json(terms_json(&corpus, a.top))
        }
        "bundle" => write_bundle(build_corpus(docs), &a.out),
        other => Err(format!("unknown command {other}\n{USAGE}")),
    };
    match status {
        Err(e) => {
            eprintln!("baogao: {e}");
            2
        }
        Ok(()) if failures.is_empty() => 0,
        Ok(()) => 1,
    }
}

fn seed_files() -> Vec<PathBuf> {
    crate::pipeline::report_files(std::path::Path::new("seeds")).unwrap_or_default()
}

fn print_json(items: Vec<Value>) -> Result<(), String> {
    let s = serde_json::to_string_pretty(&Value::Array(items)).map_err(|e| e.to_string())?;
    print_out(&s)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print_out(s: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}").and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// Writes the index to `out` and the text part beside it
/// ([`crate::bundle::TEXT_FILE_NAME`]).
fn write_bundle(corpus: Corpus, out: &PathBuf) -> Result<(), String> {
    let parts = crate::bundle::encode(&corpus).map_err(|e| e.to_string())?;
    let text_out = out.with_file_name(crate::bundle::TEXT_FILE_NAME);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (path, bytes) in [(out, &parts.index), (&text_out, &parts.text)] {
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!(
        "baogao: wrote {} ({} bytes) and {} ({} bytes): {} documents, {} sentences, {} figures",
        out.display(),
        parts.index.len(),
        text_out.display(),
        parts.text.len(),
        corpus.docs.len(),
        corpus.docs.iter().map(|d| d.sentences.len()).sum::<usize>(),
        corpus.docs.iter().map(|d| d.facts.len()).sum::<usize>(),
    );
    Ok(())
}

/// The `inspect` object of one document.
pub fn inspect_json(d: &Doc) -> Value {
    json!({
        "file": d.file,
        "id": d.id,
        "title": d.title,
        "district": d.district,
        "kind": d.kind.id(),
        "dates": d.dates,
        "meeting": d.meeting,
        "source_url": d.source_url,
        "period_reviewed": d.period_reviewed,
        "period_planned": d.period_planned,
        "speaker": d.speaker,
        "script": d.script.as_str(),
        "repairs": d.repairs,
        "sections": d.sections.iter().map(|s| json!({
            "id": s.id, "parent": s.parent, "level": s.level,
            "label": s.label, "title": s.title, "kind": s.kind,
        })).collect::<Vec<_>>(),
        "glossary": d.glossary.iter().map(|g| json!({
            "term": g.term, "definition": g.definition,
        })).collect::<Vec<_>>(),
        "sentences": d.sentences.iter().map(|s| json!({
            "id": s.id, "section": s.section, "text": s.text, "norm": s.norm,
        })).collect::<Vec<_>>(),
    })
}

/// The columns of `facts --csv` before the figure's own
/// ([`crate::table::FIGURE_COLUMNS`]), in the order of the JSON fields.
const FACT_SOURCE_COLUMNS: [&str; 3] = ["file", "doc", "sentence"];

fn fact_json(f: &Fact) -> Value {
    json!({
        "file": f.file, "doc": f.doc, "sentence": f.sentence, "indicator": f.indicator,
        "subject": f.subject, "value": f.value, "unit": f.unit, "value_base": f.value_base,
        "change_pct": f.change_pct, "change_pp": f.change_pp, "qualifier": f.qualifier,
        "kind": f.kind.as_str(), "period_start": f.period_start, "period_end": f.period_end,
        "period_part": f.period_part, "quote": f.quote,
    })
}

fn facts_csv(facts: &[&Fact]) -> String {
    let header: Vec<&str> = FACT_SOURCE_COLUMNS
        .iter()
        .chain(crate::table::FIGURE_COLUMNS.iter())
        .copied()
        .collect();
    let rows: Vec<Vec<Cell>> = facts
        .iter()
        .map(|f| {
            let mut row = vec![
                Cell::from(f.file.as_str()),
                Cell::from(f.doc.as_str()),
                Cell::from(f.sentence.as_str()),
            ];
            row.extend(crate::table::figure_cells(f));
            row
        })
        .collect();
    to_csv(&header, &rows)
}

fn terms_json(corpus: &Corpus, top: usize) -> Vec<Value> {
    let sel = select(corpus, &Filter::default());
    top_terms(corpus, &sel, &TermOptions::default(), top)
        .into_iter()
        .map(|t| {
            json!({
                "term": corpus.vocab[t.term as usize],
                "count": t.count,
                "per_10k": (t.per_10k * 100.0).round() / 100.0,
                "docs": t.docs,
            })
        })
        .collect()
}

/// Keeps the message of a panic on a report's thread off stderr: the file's
/// one line (`FILE: could not be processed: an internal error (…)`) says it.
/// Panics anywhere else are printed as ever.
fn quiet_report_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let name = std::thread::current().name().map(str::to_string);
            if ![Some(REPORT_THREAD), Some(crate::clean::PART_THREAD)].contains(&name.as_deref()) {
                default(info);
            }
        }));
    });
}
