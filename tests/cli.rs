//! The CLI's contract, on the real binary: output shapes of `inspect`, `facts` and `terms`, one stderr line per refused file, exit codes, the catalog, and never a panic.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Vec<Value> {
        match serde_json::from_str(&self.stdout) {
            Ok(Value::Array(items)) => items,
            other => panic!("stdout is not a JSON array: {other:?}\n{}", self.stdout),
        }
    }

    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

fn baogao(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let run = Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "baogao {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("baogao-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn seed(prefix: &str) -> PathBuf {
    common::seed_paths()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn seed_args<'a>(cmd: &'a str, paths: &'a [PathBuf], extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![cmd];
    args.extend(paths.iter().map(|p| s(p)));
    args.extend_from_slice(extra);
    args
}

fn is_opt_string(v: &Value) -> bool {
    v.is_null() || v.is_string()
}

fn is_opt_period(v: &Value) -> bool {
    v.is_null() || (v["start"].is_i64() && v["end"].is_i64())
}

/// The fields of issue 3 item 7, with their types; extra fields are allowed.
fn assert_inspect_object(o: &Value) {
    let ctx = || format!("{}", o["file"]);
    assert!(o["file"].is_string() && o["id"].is_string(), "{}", ctx());
    assert!(o["title"].is_string(), "{}", ctx());
    assert!(is_opt_string(&o["district"]), "{}", ctx());
    assert!(o["kind"].is_string(), "{}", ctx());
    assert!(
        is_opt_string(&o["dates"]["published"]) && is_opt_string(&o["dates"]["delivered"]),
        "{}",
        ctx()
    );
    assert!(is_opt_period(&o["period_reviewed"]), "{}", ctx());
    assert!(is_opt_period(&o["period_planned"]), "{}", ctx());
    let sp = &o["speaker"];
    assert!(
        sp.is_null() || (sp["name"].is_string() && is_opt_string(&sp["role"])),
        "{}",
        ctx()
    );
    assert!(
        matches!(o["script"].as_str(), Some("simplified" | "traditional")),
        "{}",
        ctx()
    );
    for k in [
        "pinyin_removed",
        "mojibake_runs",
        "chars_recovered",
        "chars_unknown",
    ] {
        assert!(o["repairs"][k].is_u64(), "{}: repairs.{k}", ctx());
    }
    let sections = o["sections"].as_array().expect("sections is an array");
    for sec in sections {
        assert!(sec["id"].is_string(), "{}: {sec}", ctx());
        assert!(is_opt_string(&sec["parent"]), "{}: {sec}", ctx());
        assert!(
            (1..=4).contains(&sec["level"].as_u64().unwrap_or(0)),
            "{}: {sec}",
            ctx()
        );
        assert!(
            sec["label"].is_string() && sec["title"].is_string(),
            "{}: {sec}",
            ctx()
        );
    }
    let sentences = o["sentences"].as_array().expect("sentences is an array");
    assert!(!sentences.is_empty(), "{}", ctx());
    for st in sentences {
        assert!(st["id"].is_string(), "{}: {st}", ctx());
        assert!(is_opt_string(&st["section"]), "{}: {st}", ctx());
        assert!(
            st["text"].is_string() && st["norm"].is_string(),
            "{}: {st}",
            ctx()
        );
    }
}

#[test]
fn inspect_json_has_one_object_per_file_with_the_issue_fields() {
    let seeds = common::seed_paths();
    let run = baogao(&seed_args("inspect", &seeds, &["--json"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let items = run.json();
    assert_eq!(items.len(), seeds.len());
    for (o, p) in items.iter().zip(&seeds) {
        assert_inspect_object(o);
        assert_eq!(o["file"], p.file_name().unwrap().to_str().unwrap());
        assert_eq!(o["id"], p.file_stem().unwrap().to_str().unwrap());
    }
    let scripts: Vec<&str> = items
        .iter()
        .map(|o| o["script"].as_str().unwrap())
        .collect();
    assert!(scripts.contains(&"traditional") && scripts.contains(&"simplified"));
}

#[test]
fn bad_inputs_get_one_line_each_and_the_rest_still_run() {
    let dir = scratch("bad");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.join("binary.txt");
    // Deterministic noise with NULs in it.
    let noise: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 & if i % 7 == 0 { 0 } else { 0xFF })
        .collect();
    std::fs::write(&binary, noise).unwrap();
    let subdir = dir.join("a-directory.txt");
    std::fs::create_dir_all(&subdir).unwrap();
    let missing = dir.join("missing.txt");
    let large = dir.join("large.txt");
    let f = std::fs::File::create(&large).unwrap();
    f.set_len(baogao::pipeline::MAX_BYTES + 1).unwrap(); // sparse: no disk used
    drop(f);
    let good = seed("003");

    let bad = [&empty, &binary, &subdir, &missing, &large];
    let mut args = vec!["inspect", s(&good)];
    args.extend(bad.iter().map(|p| s(p)));
    args.push("--json");
    let run = baogao(&args);

    assert_eq!(run.code, 1, "{}", run.stderr);
    let items = run.json();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], "003_536b17486a43c8c6");
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), bad.len(), "{}", run.stderr);
    let reasons = [
        "empty",
        "not a text file",
        "directory",
        "No such file",
        "too large",
    ];
    for ((line, path), reason) in lines.iter().zip(bad).zip(reasons) {
        assert!(line.contains(s(path)), "{line:?} does not name {path:?}");
        assert!(line.contains(reason), "{line:?} does not say {reason:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn gbk_file_reads_like_its_utf8_original() {
    let dir = scratch("gbk");
    let original = seed("000");
    let text = std::fs::read_to_string(&original).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "the seed has characters GBK cannot encode");
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the GBK bytes must not be UTF-8"
    );
    let copy = dir.join(original.file_name().unwrap());
    std::fs::write(&copy, &gbk).unwrap();

    let utf8 = baogao(&["inspect", s(&original), "--json"]);
    let from_gbk = baogao(&["inspect", s(&copy), "--json"]);
    assert_eq!(from_gbk.code, 0, "{}", from_gbk.stderr);
    assert_eq!(from_gbk.stderr, "");
    assert!(from_gbk.stdout == utf8.stdout, "GBK output differs");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `inspect`'s JSON items without their `file` (a copy's name may differ).
fn without_file(json: String) -> Vec<Value> {
    let mut items: Vec<Value> = serde_json::from_str(&json).unwrap();
    for item in &mut items {
        item.as_object_mut().unwrap().remove("file");
    }
    items
}

/// `bytes` saved as `name` in `dir`, read by `inspect`: its JSON output, which
/// must have no complaint.
fn inspect_bytes(dir: &Path, name: &str, bytes: &[u8]) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let run = baogao(&["inspect", s(&path), "--json"]);
    assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    assert_eq!(run.stderr, "", "{name}");
    run.stdout
}

#[test]
fn windows_and_old_mac_line_breaks_read_like_unix_ones() {
    let dir = scratch("breaks");
    let text = std::fs::read_to_string(seed("000")).unwrap();
    let unix = inspect_bytes(&dir.join("a"), "r.txt", text.as_bytes());
    for (sub, eol) in [("b", "\r\n"), ("c", "\r")] {
        let other = text.replace('\n', eol);
        assert_eq!(
            inspect_bytes(&dir.join(sub), "r.txt", other.as_bytes()),
            unix,
            "{eol:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_saved_as_word_docx_reads_like_its_text() {
    use std::io::Write;
    let dir = scratch("docx");
    let text = std::fs::read_to_string(seed("000")).unwrap();
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    // Each line a paragraph of two runs (Word splits runs wherever the
    // formatting changes), with a deleted word and a field code that are no text.
    let paragraphs: String = (text.lines())
        .map(|l| {
            let cut = l
                .char_indices()
                .nth(l.chars().count() / 2)
                .map_or(l.len(), |x| x.0);
            format!(
                "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>\
                 <w:r><w:t>{}</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>\
                 <w:r><w:instrText> PAGE </w:instrText></w:r>\
                 <w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                esc(&l[..cut]),
                esc(&l[cut..])
            )
        })
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{paragraphs}<w:sectPr/></w:body></w:document>"
    );
    let mut docx = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    docx.start_file("[Content_Types].xml", deflated).unwrap();
    docx.write_all(b"<Types/>").unwrap();
    docx.start_file("word/document.xml", deflated).unwrap();
    docx.write_all(xml.as_bytes()).unwrap();
    let bytes = docx.finish().unwrap().into_inner();

    let as_text = inspect_bytes(&dir, "report.txt", text.as_bytes());
    let as_docx = inspect_bytes(&dir, "report.docx", &bytes);
    assert!(!as_docx.contains("删去") && !as_docx.contains("PAGE"));
    assert!(
        without_file(as_docx) == without_file(as_text),
        "the .docx reads differently"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_exported_as_a_spreadsheet_row_reads_like_its_text() {
    let dir = scratch("spreadsheet");
    let text = std::fs::read_to_string(seed("000")).unwrap();
    let as_text = inspect_bytes(&dir.join("a"), "r.txt", text.as_bytes());
    // One row, the text quoted in its cell (its quotes doubled), after
    // columns that hold commas of their own.
    let row = |t: &str| {
        format!(
            "罗湖区,2014,\"2014年政府工作报告,全文\",https://www.szlh.gov.cn/a.html,\"{}\"",
            t.replace('"', "\"\"")
        )
    };
    let quoted = format!("{text}\n他说:\"好\"。");
    let csv = format!(
        "district,year,title,source_url,full_text\n{}\n",
        row(&quoted)
    );
    let as_csv = inspect_bytes(&dir.join("b"), "r.txt", csv.as_bytes());
    let csv_doc = &without_file(as_csv)[0];
    let text_doc = &without_file(as_text)[0];
    for key in [
        "title", "district", "dates", "speaker", "meeting", "sections",
    ] {
        assert_eq!(csv_doc[key], text_doc[key], "{key}");
    }
    assert!(csv_doc["sentences"]
        .to_string()
        .contains("他说:\\\"好\\\"。"));
    // The row's source address is kept; its date fills only what the text does
    // not state (seed 000 dates its page).
    assert_eq!(csv_doc["source_url"], "https://www.szlh.gov.cn/a.html");
    let undated = format!(
        "district,year,title,source_url,full_text,publish_date\n{},2014年1月20日\n",
        row("2030年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。")
    );
    let undated = &without_file(inspect_bytes(&dir.join("c"), "r.txt", undated.as_bytes()))[0];
    assert_eq!(undated["dates"]["published"], "2014-01-20");

    // Several reports in one spreadsheet: refused with the reason.
    let two = format!("title,text\n{}\n{}\n", "a,正文一", "b,正文二");
    let path = dir.join("two.csv");
    std::fs::write(&path, two).unwrap();
    let run = baogao(&["inspect", s(&path), "--json"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("two.csv") && run.stderr.contains("spreadsheet of 2 reports"),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A static site's page (Jekyll, Hexo: a YAML front matter between `---`
/// lines over the page's HTML, as sites that archive feeds keep them): the
/// front matter's title, date and link are the report's, its other keys and the
/// body's tags are no text.
#[test]
fn a_static_site_page_reads_its_front_matter() {
    let dir = scratch("matter");
    let page = "---
title: '某某区2030年政府工作报告'
categories:
 - 要闻
headimg: 'https://img.example.cn/a.png'
date: Tue, 12 Feb 2030 02:27:27 GMT
link: https://www.example.gov.cn/2030/a.html
---

<div>
<p>　　——2030年1月8日在某某区第九届人民代表大会第二次会议上</p>
<p>　　区长 王某某</p>
<p>　　各位代表:</p>
<p>　　现在,我代表区人民政府向大会报告工作,请予审议。</p>
<p>　　一、2029年工作回顾</p>
<p>　　地区生产总值增长5%。</p>
</div>
";
    let run = &without_file(inspect_bytes(&dir, "a.md", page.as_bytes()))[0];
    assert_eq!(run["title"], "某某区2030年政府工作报告");
    assert_eq!(run["dates"]["published"], "2030-02-12");
    assert_eq!(run["dates"]["delivered"], "2030-01-08");
    assert_eq!(run["source_url"], "https://www.example.gov.cn/2030/a.html");
    assert_eq!(run["speaker"]["name"], "王某某");
    let sentences = run["sentences"].to_string();
    for matter in ["categories", "headimg", "<p>", "---", "GMT"] {
        assert!(!sentences.contains(matter), "{matter} in {sentences}");
    }
    // Text between two rules is no front matter: nothing of it is lost.
    let ruled = "---\n某某区政府工作报告\n区长 王某某\n---\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n";
    let run = &without_file(inspect_bytes(&dir.join("b"), "b.txt", ruled.as_bytes()))[0];
    assert_eq!(run["title"], "某某区政府工作报告");
    assert_eq!(run["speaker"]["name"], "王某某");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn documents_in_other_formats_are_named_in_the_refusal() {
    let dir = scratch("formats");
    let files = [
        (
            "report.pdf",
            &b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"[..],
            "PDF",
        ),
        (
            "report.xlsx",
            b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml",
            "zip archive",
        ),
        (
            "report.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00",
            "Word .doc",
        ),
    ];
    let mut args = vec![s(&seed("003")).to_string()];
    for (name, bytes, _) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
        args.push(s(&dir.join(name)).to_string());
    }
    args.push("--json".into());
    let mut argv = vec!["inspect"];
    argv.extend(args.iter().map(String::as_str));
    let run = baogao(&argv);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.json().len(), 1);
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), files.len(), "{}", run.stderr);
    for (line, (name, _, format)) in lines.iter().zip(files) {
        assert!(line.contains(name) && line.contains(format), "{line:?}");
        assert!(line.contains("save the report as text or HTML"), "{line:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn utf16_and_big5_files_read_like_their_utf8_original() {
    let dir = scratch("encodings");
    // Simplified text as Windows saves "Unicode": UTF-16 with a BOM, and
    // without one.
    let text = std::fs::read_to_string(seed("002")).unwrap();
    let utf16 = |big: bool| -> Vec<u8> {
        (text.encode_utf16())
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    };
    let utf8 = inspect_bytes(&dir.join("a"), "report.txt", text.as_bytes());
    let le = [&[0xFF, 0xFE][..], &utf16(false)].concat();
    assert_eq!(
        inspect_bytes(&dir.join("b"), "report.txt", &le),
        utf8,
        "UTF-16LE with BOM"
    );
    assert_eq!(
        inspect_bytes(&dir.join("c"), "report.txt", &utf16(true)),
        utf8,
        "UTF-16BE"
    );
    // Without a BOM, in either order, with few ASCII characters and many whose
    // code has a zero half (一 is U+4E00): the order that reads as Chinese.
    let wide: String = (text.chars())
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect();
    let wide_utf8 = inspect_bytes(&dir.join("g"), "report.txt", wide.as_bytes());
    for big in [false, true] {
        let bytes: Vec<u8> = (wide.encode_utf16())
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let read = inspect_bytes(&dir.join(format!("h{big}")), "report.txt", &bytes);
        assert_eq!(read, wide_utf8, "UTF-16 without a BOM, big-endian {big}");
    }

    // Traditional text as Big5, which GBK also decodes (as rare characters and
    // kana), and as GBK, which Big5 may decode too: each is read as what it is.
    // (001 repaired: its pinyin tone marks are in neither.)
    let repaired = baogao::clean::repair(&std::fs::read_to_string(seed("001")).unwrap()).text;
    let traditional: String = (repaired.lines())
        .filter(|l| !encoding_rs::BIG5.encode(l).2 && !encoding_rs::GBK.encode(l).2)
        .flat_map(|l| [l, "\n"])
        .collect();
    assert!(
        traditional.chars().count() > 10_000,
        "too little of 001 kept"
    );
    let utf8 = inspect_bytes(&dir.join("d"), "trad.txt", traditional.as_bytes());
    let big5 = encoding_rs::BIG5.encode(&traditional).0;
    assert!(
        !encoding_rs::GBK.decode_without_bom_handling(&big5).1,
        "the Big5 bytes should be valid GBK too, or the test shows nothing"
    );
    assert_eq!(
        inspect_bytes(&dir.join("e"), "trad.txt", &big5),
        utf8,
        "Big5"
    );
    let gbk = encoding_rs::GBK.encode(&traditional).0;
    assert_eq!(inspect_bytes(&dir.join("f"), "trad.txt", &gbk), utf8, "GBK");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_page_saved_as_html_reads_like_the_page_saved_as_text() {
    let dir = scratch("html");
    let text = std::fs::read_to_string(seed("000")).unwrap();
    let body: String = (text.lines())
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let page =
        format!("<!DOCTYPE html><html><head><title>x</title></head><body>\n{body}</body></html>");
    let as_text = inspect_bytes(&dir, "report.txt", text.as_bytes());
    let as_html = inspect_bytes(&dir, "report.html", page.as_bytes());
    assert!(
        without_file(as_html) == without_file(as_text),
        "the HTML page reads differently"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn facts_json_and_csv_have_the_issue_columns() {
    let columns = [
        "file",
        "doc",
        "sentence",
        "indicator",
        "subject",
        "value",
        "unit",
        "value_base",
        "change_pct",
        "change_pp",
        "qualifier",
        "kind",
        "period_start",
        "period_end",
        "period_part",
        "quote",
    ];
    let seeds = common::seed_paths();
    let json = baogao(&seed_args("facts", &seeds, &["--json"]));
    assert_eq!(json.code, 0, "{}", json.stderr);
    let facts = json.json();
    for f in &facts {
        for c in columns {
            assert!(f.get(c).is_some(), "fact without {c}: {f}");
        }
        assert!(f["quote"].is_string() && f["sentence"].is_string(), "{f}");
    }

    let csv = baogao(&seed_args("facts", &seeds, &["--csv"]));
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    // The byte-order mark lets spreadsheet programs read the CSV as UTF-8.
    let body = csv.stdout.strip_prefix('\u{feff}').unwrap_or(&csv.stdout);
    let header = body.lines().next().expect("a header line");
    assert_eq!(header, columns.join(","));
    // One record per fact; quotes may hold no line breaks, so lines count records.
    assert_eq!(body.lines().count(), facts.len() + 1);
}

#[test]
fn terms_top_5_most_frequent_first() {
    let seeds = common::seed_paths();
    let run = baogao(&seed_args("terms", &seeds, &["--top", "5"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let items = run.json();
    assert_eq!(items.len(), 5);
    for t in &items {
        assert!(t["term"].is_string(), "{t}");
        assert!(t["count"].is_u64(), "{t}");
        assert!(t["per_10k"].is_f64() || t["per_10k"].is_u64(), "{t}");
        assert!(t["docs"].is_u64(), "{t}");
    }
    let counts: Vec<u64> = items.iter().map(|t| t["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn usage_errors_exit_2() {
    let seed = seed("003");
    let cases: [&[&str]; 6] = [
        &[],
        &["frobnicate", s(&seed)],
        &["inspect", s(&seed), "--frob"],
        &["terms", s(&seed), "--top", "many"],
        &["terms", s(&seed), "--top"],
        &["inspect"],
    ];
    for args in cases {
        let run = baogao(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("usage:"), "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
    }
}

#[test]
fn catalog_beside_the_files_is_applied() {
    let dir = scratch("catalog");
    let report = dir.join("003_536b17486a43c8c6.txt");
    std::fs::copy(seed("003"), &report).unwrap();
    std::fs::write(
        dir.join("catalog.toml"),
        "[doc.\"003_536b17486a43c8c6\"]\nsource_url = \"https://example.org/003\"\nkind = \"work_plan\"\n",
    )
    .unwrap();
    let run = baogao(&["inspect", s(&report), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let o = &run.json()[0];
    assert_eq!(o["source_url"], "https://example.org/003");
    assert_eq!(o["kind"], "work_plan");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn malformed_catalog_is_one_line_naming_it() {
    let dir = scratch("badcatalog");
    let report = seed("003");
    let cases = [
        ("syntax.toml", "[doc.x\n", "line 1"),
        ("field.toml", "[doc.x]\ncolour = \"red\"\n", "unknown field"),
        (
            "kind.toml",
            "[doc.\"003_536b17486a43c8c6\"]\nkind = \"memo\"\n",
            "unknown kind",
        ),
    ];
    for (name, body, reason) in cases {
        let cat = dir.join(name);
        std::fs::write(&cat, body).unwrap();
        let run = baogao(&["inspect", s(&report), "--catalog", s(&cat), "--json"]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let lines = run.stderr_lines();
        assert_eq!(lines.len(), 1, "{name}: {}", run.stderr);
        assert!(lines[0].contains(s(&cat)), "{name}: {}", lines[0]);
        assert!(lines[0].contains(reason), "{name}: {}", lines[0]);
    }
    let run = baogao(&["inspect", s(&report), "--catalog", "no/such/catalog.toml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("no/such/catalog.toml"),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
