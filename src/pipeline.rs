//! The native I/O of the pipeline: reading report files (UTF-8, UTF-16, GBK or
//! Big5), refusing what is not a report with a reason, and running the stages in
//! order to build a [`Corpus`].
//!
//! The stages themselves are pure functions in `clean`, `structure`, `facts` and
//! `terms`; this module only reads files and wires them together, including the
//! optional catalog (`catalog.toml` beside the reports, or a file named on the
//! command line) that `structure::apply_catalog` applies per document id.

use crate::model::{Corpus, Doc};
use crate::{clean, docx, facts, html, structure, terms};
use encoding_rs::Encoding;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Larger than any work report by two orders of magnitude.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file is not read as a report.
#[derive(Debug)]
pub enum InputError {
    Unreadable(std::io::Error),
    Empty,
    TooLarge(u64),
    /// Not text: NUL bytes or control characters.
    Binary,
    /// Bytes that no encoding a report may be in decodes.
    Encoding,
    /// A document format the pipeline does not read (PDF, Word, …), by name.
    Format(&'static str),
    /// A CSV spreadsheet with a text column that is not one report's row: how
    /// many rows it has.
    Spreadsheet(usize),
    /// A catalog file that cannot be used, with the reason on one line.
    Catalog(String),
    /// A fault of the pipeline's own on this file (a panic, caught so that the
    /// other files are still processed), with its message.
    Internal(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Unreadable(e) => write!(f, "cannot be read: {e}"),
            InputError::Empty => write!(f, "is empty"),
            InputError::TooLarge(n) => {
                write!(f, "is too large ({n} bytes; the limit is {MAX_BYTES})")
            }
            InputError::Binary => write!(f, "is not a text file (binary content)"),
            InputError::Encoding => write!(
                f,
                "is not a text file (not UTF-8, UTF-16, GBK/GB18030 or Big5)"
            ),
            InputError::Format(name) => write!(
                f,
                "is not a text file ({name}): save the report as text or HTML first"
            ),
            InputError::Spreadsheet(rows) => write!(
                f,
                "is a CSV spreadsheet of {rows} reports: save each report's text in a file of its own"
            ),
            InputError::Catalog(reason) => write!(f, "{reason}"),
            InputError::Internal(why) => write!(
                f,
                "could not be processed: an internal error ({why}); please report it with the file"
            ),
        }
    }
}

/// A file that could not be processed, and why.
#[derive(Debug)]
pub struct Failure {
    pub file: String,
    pub error: InputError,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

/// Decodes a report's bytes (a page saved as text or as HTML, or a Word .docx
/// read as its paragraphs): UTF-8 (with or without BOM); UTF-16 with a BOM, or
/// without one in the byte order whose reading is Chinese; else the legacy
/// encodings of Chinese pages, GBK (GB18030) and Big5, whichever decodes without
/// error, and where both do, the one whose characters read more like Chinese
/// ([`clean::reads_as_chinese`]: Big5 bytes are often valid GBK, read as rare
/// characters and kana). Other files with NUL bytes are binary.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    decode_report(bytes).map(|r| r.text)
}

/// A report's text, and what a spreadsheet row it came in says of it beside.
#[derive(Debug, Default)]
pub struct Report {
    pub text: String,
    pub row: RowFields,
}

/// What a spreadsheet row ([`decode`]) holds of its report besides the text:
/// the columns a collection of reports records, read where the text does not
/// say the same ([`RowFields::apply`]).
#[derive(Debug, Default)]
pub struct RowFields {
    pub source_url: Option<String>,
    /// ISO date.
    pub published: Option<String>,
}

/// The names of a spreadsheet's columns of source addresses and publication
/// dates (compared without case).
const URL_COLUMNS: [&str; 6] = ["source_url", "url", "link", "网址", "链接", "来源网址"];
const PUBLISHED_COLUMNS: [&str; 6] = [
    "publish_date",
    "published",
    "pub_date",
    "date",
    "发布日期",
    "发布时间",
];

impl RowFields {
    /// Fills what the document's own text and catalog left empty.
    pub fn apply(&self, doc: &mut Doc) {
        if doc.source_url.is_none() {
            doc.source_url = self.source_url.clone();
        }
        if doc.dates.published.is_none() {
            doc.dates.published = self.published.clone();
        }
    }
}

/// [`decode`], keeping what a spreadsheet row says beside the text.
pub fn decode_report(bytes: &[u8]) -> Result<Report, InputError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    if bytes.starts_with(ZIP) {
        if let Ok(text) = docx::text_of(bytes) {
            return check_text(text);
        }
    }
    if let Some(name) = document_format(bytes) {
        return Err(InputError::Format(name));
    }
    if let Some(text) = utf16_text(bytes) {
        return check_text(text?);
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return check_text(s.to_string());
    }
    match likeliest_reading(&[encoding_rs::GBK, encoding_rs::BIG5], bytes) {
        Some((_, s)) => check_text(s),
        None => Err(InputError::Encoding),
    }
}

/// `bytes` in `encoding`, when they decode without error.
fn without_errors(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    match encoding.decode_without_bom_handling(bytes) {
        (s, false) => Some(s.into_owned()),
        (_, true) => None,
    }
}

/// Of the readings of `bytes` in `encodings` that decode without error, the
/// one whose characters read most like Chinese, with its
/// [`clean::reads_as_chinese`] score (the first of equals).
fn likeliest_reading(encodings: &[&'static Encoding], bytes: &[u8]) -> Option<(f64, String)> {
    (encodings.iter())
        .filter_map(|e| without_errors(e, bytes))
        .map(|s| (clean::reads_as_chinese(&s), s))
        .reduce(|a, b| if b.0 > a.0 { b } else { a })
}

/// How a zip archive starts (a Word .docx is one).
const ZIP: &[u8] = b"PK\x03\x04";

/// The document format a file's first bytes name, where it is one reports are
/// often kept in that is not text.
fn document_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 5] = [
        (b"%PDF-", "a PDF document"),
        // A Word .docx is read (see `decode`); Excel's and WPS's files are zip
        // archives too.
        (
            ZIP,
            "a zip archive that holds no Word document, as an Excel .xlsx does",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "a Word .doc, Excel .xls or WPS document",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"Rar!", "a RAR archive"),
    ];
    (MAGIC.iter()).find_map(|(magic, name)| bytes.starts_with(magic).then_some(*name))
}

/// What a text read in the wrong byte order of UTF-16 scores by
/// [`clean::reads_as_chinese`] is far under this, as random bytes' is (about
/// −19); Chinese text scores about −7 to −9.
const READS_AS_TEXT: f64 = -13.0;

/// A file in UTF-16, decoded: its BOM says which order; without one, its NUL
/// bytes (the zero halves of ASCII characters; UTF-8 and the legacy encodings
/// have none) say it is UTF-16, and the order whose reading is Chinese text
/// wins. `None` when it is not UTF-16.
fn utf16_text(bytes: &[u8]) -> Option<Result<String, InputError>> {
    let by_bom = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((encoding_rs::UTF_16LE, rest)),
        [0xFE, 0xFF, rest @ ..] => Some((encoding_rs::UTF_16BE, rest)),
        _ => None,
    };
    if let Some((e, rest)) = by_bom {
        return Some(without_errors(e, rest).ok_or(InputError::Encoding));
    }
    if !bytes.len().is_multiple_of(2) || !bytes.contains(&0) {
        return None;
    }
    likeliest_reading(&[encoding_rs::UTF_16LE, encoding_rs::UTF_16BE], bytes)
        .filter(|(score, _)| *score > READS_AS_TEXT)
        .map(|(_, s)| Ok(s))
}

/// A decoded file's text, its line breaks `\n` whatever they were (Windows'
/// `\r\n`, old Macs' `\r`), and an HTML page read as the text a browser shows
/// of it ([`html::to_text`]); refused when it has control characters (other than
/// line breaks and tabs, none is in any report) or nothing but whitespace.
fn check_text(s: String) -> Result<Report, InputError> {
    let s = match s.contains('\r') {
        true => s.replace("\r\n", "\n").replace('\r', "\n"),
        false => s,
    };
    let (s, row) = match spreadsheet_row(&s).or_else(|| front_matter(&s).map(Ok)) {
        Some(row) => row?,
        None => (s, RowFields::default()),
    };
    let s = shown_text(s);
    let total = s.chars().count().max(1);
    let control = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .count();
    if control * 100 > total {
        return Err(InputError::Binary);
    }
    if s.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Report { text: s, row })
}

/// The names a spreadsheet's column of report text goes by (compared without
/// case).
const TEXT_COLUMNS: [&str; 8] = [
    "full_text",
    "fulltext",
    "text",
    "content",
    "body",
    "正文",
    "全文",
    "内容",
];

/// A report exported as a spreadsheet's row (CSV: a header line naming a text
/// column, `province,year,title,source_url,publish_date,full_text`, then one row
/// with the text quoted in its cell): the cell's text, and the row's source
/// address and publication date. `None` when the text is not such a file; an
/// error when it holds no row or several reports.
fn spreadsheet_row(s: &str) -> Option<Result<(String, RowFields), InputError>> {
    let header = s.lines().next()?;
    let names: Vec<&str> = header.split(',').map(str::trim).collect();
    let plain = |n: &str| !n.is_empty() && n.chars().count() <= 30 && !n.contains(['"', ' ', '\t']);
    if names.len() < 2 || !names.iter().all(|n| plain(n)) {
        return None;
    }
    let named =
        |list: &[&str]| (names.iter()).position(|n| list.contains(&n.to_lowercase().as_str()));
    let column = named(&TEXT_COLUMNS)?;
    let rows: Vec<Vec<String>> = csv_records(&s[header.len()..])
        .into_iter()
        .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
        .collect();
    Some(match rows.as_slice() {
        [] => Err(InputError::Empty),
        // (A row cut short has no text.)
        [row] => {
            let cell = |list: &[&str]| {
                named(list)
                    .and_then(|i| row.get(i))
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
            };
            let fields = RowFields {
                source_url: cell(&URL_COLUMNS)
                    .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
                    .map(str::to_string),
                published: cell(&PUBLISHED_COLUMNS).and_then(crate::structure::iso_date),
            };
            row.get(column)
                .map(|text| (text.clone(), fields))
                .ok_or(InputError::Empty)
        }
        _ => Err(InputError::Spreadsheet(rows.len())),
    })
}

/// `s` as a reader sees it: an HTML page or fragment as the text a browser
/// shows of it ([`html::to_text`]), other text as it is.
fn shown_text(s: String) -> String {
    match html::looks_like_html(&s) {
        true => html::to_text(&s),
        false => s,
    }
}

/// Keys of a front matter's title, date and source address.
const MATTER_TITLES: [&str; 2] = ["title", "标题"];
const MATTER_DATES: [&str; 4] = ["date", "published", "pubdate", "发布日期"];
const MATTER_URLS: [&str; 5] = ["url", "link", "source", "source_url", "original"];

/// A page a static site generator keeps (Jekyll, Hexo, Hugo: a Markdown file
/// with a YAML front matter between `---` lines over the body, which may be
/// the page's HTML): the title over the body's text, and the date and source
/// address the front matter gives. `None` without a front matter.
fn front_matter(s: &str) -> Option<(String, RowFields)> {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let rest = s.strip_prefix("---\n")?;
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.ends_with("\n---").then(|| rest.len() - 4))?;
    let (matter, body) = (&rest[..end], rest[end + 4..].trim_start_matches('-'));
    // Keys and their values only, so that text between two rules is never
    // taken for one (the list items and folded values of a key indented).
    let keyed = |l: &str| {
        l.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().count() <= 24 && !k.contains(char::is_whitespace)
        })
    };
    let valued = |l: &str| l.trim().is_empty() || l.starts_with([' ', '\t', '-']) || keyed(l);
    if !matter.lines().all(valued) || !matter.lines().any(keyed) {
        return None;
    }
    let mut fields = RowFields::default();
    let mut title = None;
    for line in matter.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = value.trim().trim_matches(['\'', '"']).trim();
        if value.is_empty() {
            continue;
        }
        if MATTER_TITLES.contains(&key.as_str()) {
            title.get_or_insert_with(|| value.to_string());
        } else if MATTER_DATES.contains(&key.as_str()) {
            fields.published = fields.published.or_else(|| matter_date(value));
        } else if MATTER_URLS.contains(&key.as_str()) && value.starts_with("http") {
            fields.source_url.get_or_insert_with(|| value.to_string());
        }
    }
    let body = shown_text(body.to_string());
    let text = match title {
        Some(t) => format!("{t}\n{body}"),
        None => body,
    };
    Some((text, fields))
}

/// A front matter's date as an ISO date: `2022-04-12 10:00`, or as e-mail and
/// feeds write it (`Tue, 12 Apr 2022 02:27:27 GMT`).
fn matter_date(value: &str) -> Option<String> {
    if let Some(d) = crate::structure::iso_date(value) {
        return Some(d);
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<&str> = value.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words.windows(3).find_map(|w| {
        let day: u32 = w[0].parse().ok().filter(|d| (1..=31).contains(d))?;
        let month = MONTHS
            .iter()
            .position(|m| w[1].to_lowercase().starts_with(m))?
            + 1;
        let year: u32 = w[2].parse().ok().filter(|y| (1900..=2100).contains(y))?;
        Some(format!("{year:04}-{month:02}-{day:02}"))
    })
}

/// The records of CSV text (RFC 4180: fields split at commas, a quoted field may
/// hold commas, line breaks and doubled quotes).
fn csv_records(s: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut cs = s.chars().peekable();
    while let Some(c) = cs.next() {
        match (quoted, c) {
            (true, '"') if cs.peek() == Some(&'"') => {
                cs.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// Reads and decodes one report file.
pub fn read_report(path: &Path) -> Result<Report, InputError> {
    let meta = std::fs::metadata(path).map_err(InputError::Unreadable)?;
    if meta.is_dir() {
        return Err(InputError::Unreadable(std::io::Error::other(
            "is a directory",
        )));
    }
    if meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(InputError::Unreadable)?;
    decode_report(&bytes)
}

/// The document id for a file: its name without extension.
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "doc".to_string())
}

/// Runs clean → structure → facts on one report's text.
pub fn build_doc(path: &Path, text: &str) -> Doc {
    let file = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cleaned = clean::repair(text);
    let mut doc = structure::build(&doc_id(path), &file, cleaned);
    doc.facts = facts::extract(&doc, &facts::catalog());
    doc
}

/// The optional catalog's file name, looked for in the directory of each report.
pub const CATALOG_FILE: &str = "catalog.toml";

/// A catalog that cannot be used: the file and a one-line reason.
#[derive(Debug)]
pub struct CatalogFailure {
    pub file: String,
    pub reason: String,
}

impl fmt::Display for CatalogFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for CatalogFailure {}

/// A catalog file, read and checked to parse.
#[derive(Debug)]
pub struct CatalogFile {
    path: PathBuf,
    text: String,
}

impl CatalogFile {
    pub fn read(path: &Path) -> Result<CatalogFile, CatalogFailure> {
        let fail = |reason: String| CatalogFailure {
            file: path.display().to_string(),
            reason,
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| fail(format!("catalog cannot be read: {e}")))?;
        let catalog = CatalogFile {
            path: path.to_path_buf(),
            text,
        };
        // A document no entry names: a syntax error is reported before any report
        // is built, not halfway through.
        catalog.apply(&mut Doc {
            id: "\0".to_string(),
            ..Doc::default()
        })?;
        Ok(catalog)
    }

    /// Applies the entry for `doc.id`, if any; returns whether there was one.
    pub fn apply(&self, doc: &mut Doc) -> Result<bool, CatalogFailure> {
        structure::apply_catalog(doc, &self.text).map_err(|e| CatalogFailure {
            file: self.path.display().to_string(),
            reason: self.reason(&e),
        })
    }

    /// The error on one line (toml's own message spans several, with a caret).
    fn reason(&self, e: &structure::CatalogError) -> String {
        match e {
            structure::CatalogError::Syntax(t) => {
                let line = t.span().map(|r| {
                    let start = r.start.min(self.text.len());
                    1 + self.text.as_bytes()[..start]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                });
                let msg = t.message().split_whitespace().collect::<Vec<_>>().join(" ");
                match line {
                    Some(l) => format!("catalog is not valid at line {l}: {msg}"),
                    None => format!("catalog is not valid: {msg}"),
                }
            }
            other => other.to_string(),
        }
    }
}

/// Where the catalog comes from.
#[derive(Debug, Clone, Copy)]
pub enum CatalogSource<'a> {
    /// [`CATALOG_FILE`] in each report's directory, when there is one.
    Beside,
    /// This file, for every report.
    File(&'a Path),
}

/// Reads every file, applying the catalog; returns the documents built and the
/// files refused, or the catalog's failure when it is malformed or names an
/// unknown kind (then nothing is built: a half-applied catalog would be silently
/// wrong).
pub fn load_with_catalog(
    paths: &[impl AsRef<Path>],
    source: CatalogSource,
) -> Result<(Vec<Doc>, Vec<Failure>), CatalogFailure> {
    // One catalog per directory, read once.
    let mut catalogs: HashMap<PathBuf, Option<CatalogFile>> = HashMap::new();
    if let CatalogSource::File(p) = source {
        catalogs.insert(PathBuf::new(), Some(CatalogFile::read(p)?));
    }
    let mut docs = Vec::new();
    let mut failures = Vec::new();
    let paths: Vec<&Path> = paths.iter().map(|p| p.as_ref()).collect();
    for (p, built) in paths.iter().zip(build_all(&paths)) {
        let mut doc = match built {
            Ok(doc) => doc,
            Err(error) => {
                failures.push(Failure {
                    file: p.display().to_string(),
                    error,
                });
                continue;
            }
        };
        let dir = match source {
            CatalogSource::File(_) => PathBuf::new(),
            CatalogSource::Beside => p.parent().unwrap_or(Path::new("")).to_path_buf(),
        };
        if !catalogs.contains_key(&dir) {
            let path = dir.join(CATALOG_FILE);
            let found = if path.is_file() {
                Some(CatalogFile::read(&path)?)
            } else {
                None
            };
            catalogs.insert(dir.clone(), found);
        }
        if let Some(c) = &catalogs[&dir] {
            c.apply(&mut doc)?;
        }
        docs.push(doc);
    }
    Ok((docs, failures))
}

/// The report files (`*.txt`, pages saved as `*.html` or `*.htm`, a static
/// site's `*.md`, and Word's `*.docx`) of a
/// directory, in name order: what `bundle` reads
/// by default, and what the examples and tests use for the seeds.
pub fn report_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| {
                ["txt", "html", "htm", "md", "docx"].contains(&&*x.to_string_lossy())
            })
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads every file, applying the catalog beside it; returns the documents built
/// and the files refused. A catalog that cannot be used is reported among the
/// refused files and the reports are built without it.
pub fn load(paths: &[impl AsRef<Path>]) -> (Vec<Doc>, Vec<Failure>) {
    load_with_catalog(paths, CatalogSource::Beside).unwrap_or_else(|c| {
        let paths: Vec<&Path> = paths.iter().map(|p| p.as_ref()).collect();
        let (docs, mut failures) = load_without_catalog(&paths);
        failures.insert(
            0,
            Failure {
                file: c.file,
                error: InputError::Catalog(c.reason),
            },
        );
        (docs, failures)
    })
}

fn load_without_catalog(paths: &[&Path]) -> (Vec<Doc>, Vec<Failure>) {
    let mut docs = Vec::new();
    let mut failures = Vec::new();
    for (p, built) in paths.iter().zip(build_all(paths)) {
        match built {
            Ok(doc) => docs.push(doc),
            Err(error) => failures.push(Failure {
                file: p.display().to_string(),
                error,
            }),
        }
    }
    (docs, failures)
}

/// How many threads [`side_by_side`] builds `files` reports on: one per core,
/// no more than there are files.
pub fn build_threads(files: usize) -> usize {
    crate::cores::all().min(files).max(1)
}

/// The name of the threads [`side_by_side`] builds reports on: a panic there is
/// caught and reported as the file's [`InputError::Internal`], so a program
/// may keep the panic's own message off its error output.
pub const REPORT_THREAD: &str = "baogao-report";

/// A panic's message.
fn panic_text(e: &(dyn std::any::Any + Send)) -> String {
    (e.downcast_ref::<&str>().map(|s| s.to_string()))
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// Reads and builds every file, returned in the order of `paths`, on the
/// threads of [`side_by_side`]. A fault on one file costs that file only.
pub fn build_all(paths: &[&Path]) -> Vec<Result<Doc, InputError>> {
    // A file that cannot be read sorts last: its error is quick.
    let size = |i: usize| std::fs::metadata(paths[i]).map_or(0, |m| m.len());
    side_by_side(paths.len(), size, |i| {
        let p = paths[i];
        std::panic::catch_unwind(|| {
            read_report(p).map(|r| {
                let mut doc = build_doc(p, &r.text);
                r.row.apply(&mut doc);
                doc
            })
        })
        .unwrap_or_else(|e| Err(InputError::Internal(panic_text(&*e))))
    })
}

/// `build(i)` for each of `n` items, returned in their order. Items are
/// independent, so they are built on [`build_threads`] threads (named
/// [`REPORT_THREAD`]), each taking the next item not yet taken, the largest by
/// `size` first: a long one started last would hold up the end while the
/// other threads idle. The threads beyond the caller's hold a core each
/// ([`crate::cores`]), given back as each runs out of items, so that a
/// report's later parts may be read on it ([`crate::clean::repair`]).
pub fn side_by_side<R: Send>(
    n: usize,
    size: impl Fn(usize) -> u64,
    build: impl Fn(usize) -> R + Sync,
) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = build_threads(n);
    let mut order: Vec<usize> = (0..n).collect();
    if threads > 1 {
        order.sort_by_cached_key(|&i| std::cmp::Reverse(size(i)));
    }
    let next = AtomicUsize::new(0);
    // The cores the threads beyond the caller's work on, one given back as
    // each thread runs out of items (for a report's later parts to be read
    // on), and those left at the end (after a fault).
    let held: Vec<_> = (1..threads).filter_map(|_| crate::cores::spare()).collect();
    let held = std::sync::Mutex::new(held);
    let work = || {
        let mut built = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            built.push((i, build(i)));
        }
        drop(held.lock().unwrap_or_else(|e| e.into_inner()).pop());
        built
    };
    let mut out: Vec<Option<R>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                std::thread::Builder::new()
                    .name(REPORT_THREAD.to_string())
                    .spawn_scoped(scope, work)
                    .expect("a thread to build reports on")
            })
            .collect();
        for w in workers {
            for (i, r) in w.join().expect("report thread panicked") {
                out[i] = Some(r);
            }
        }
    });
    out.into_iter()
        .map(|r| r.expect("every item is taken by some thread"))
        .collect()
}

/// Assembles documents into a corpus: tokens, catalog, target checks, t2s table.
pub fn build_corpus(docs: Vec<Doc>) -> Corpus {
    let glossary: Vec<String> = docs
        .iter()
        .flat_map(|d| d.glossary.iter().map(|g| clean::to_simplified(&g.term)))
        .collect();
    let t2s = t2s_for(&docs);
    let mut corpus = Corpus {
        docs,
        indicators: facts::catalog(),
        t2s,
        ..Corpus::default()
    };
    terms::Segmenter::new(&glossary).tokenize_corpus(&mut corpus);
    corpus.targets = facts::check_targets(&corpus);
    corpus
}

/// The traditional → simplified pairs the browser needs: folding a query
/// character to a simplified character that occurs nowhere in the corpus cannot
/// make a match, so only pairs whose simplified side occurs in some sentence are
/// shipped (a few hundred instead of thousands).
fn t2s_for(docs: &[Doc]) -> String {
    let used: std::collections::HashSet<char> = docs
        .iter()
        .flat_map(|d| d.sentences.iter().flat_map(|s| s.norm.chars()))
        .collect();
    let table: Vec<char> = clean::t2s_table().chars().collect();
    table
        .chunks_exact(2)
        .filter(|p| used.contains(&p[1]))
        .flatten()
        .collect()
}
