//! Reports saved as Word `.docx`: read as their paragraphs' text, one line per
//! paragraph, so that the rest of the pipeline sees what it would see had the
//! report been saved as text.
//!
//! A `.docx` file is a zip archive whose `word/document.xml` holds the body:
//! paragraphs (`<w:p>`) of runs (`<w:r>`) of text (`<w:t>`), tabs and breaks;
//! tables of rows (`<w:tr>`) of cells (`<w:tc>`). Deleted text of tracked
//! changes (`<w:delText>`) and field codes (`<w:instrText>`) are no text of the
//! report. Numbering Word generates itself (a list's `一、`) is not in the text
//! and is not restored.

use std::io::Read;

/// The most of `word/document.xml` read (64 MiB).
const MAX_XML: u64 = 64 << 20;

/// The body of a `.docx` file as text, or why it cannot be read (not a zip
/// archive, no `word/document.xml`, a damaged entry).
pub fn text_of(bytes: &[u8]) -> Result<String, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("zip: {e}"))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "a zip archive with no word/document.xml".to_string())?;
    // A body's markup is a few times its text; a larger one is no report (or
    // a zip bomb).
    let mut xml = String::new();
    (&mut entry)
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| format!("word/document.xml: {e}"))?;
    if xml.len() as u64 >= MAX_XML {
        return Err("word/document.xml is too large".to_string());
    }
    Ok(body_text(&xml))
}

/// The text of a `document.xml`: paragraphs on lines of their own, table cells
/// apart by a tab, no blank line.
pub fn body_text(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 4);
    let mut rest = xml;
    // Inside a `<w:t>`: its characters are text.
    let mut in_text = false;
    while let Some(lt) = rest.find('<') {
        if in_text {
            unescape_into(&rest[..lt], &mut out);
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match name {
            "w:t" => in_text = !closing && !tag.ends_with('/'),
            "w:tab" if !closing => out.push('\t'),
            "w:br" | "w:cr" if !closing => out.push('\n'),
            "w:p" if closing => out.push('\n'),
            "w:tc" if closing => {
                if out.ends_with('\n') {
                    out.pop();
                }
                out.push('\t');
            }
            "w:tr" if closing => {
                if out.ends_with('\t') {
                    out.pop();
                }
                out.push('\n');
            }
            _ => {}
        }
    }
    let lines: Vec<&str> = (out.lines())
        .map(|l| l.trim_end_matches([' ', '\t']))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// `s` with XML's character references decoded ([`crate::html::reference`]),
/// onto `out`.
fn unescape_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match crate::html::reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}
