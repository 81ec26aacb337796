//! CSV as spreadsheets want it: UTF-8 with a byte-order mark so Excel reads
//! Chinese, RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would
//! run as a formula (`=`, `+`, `-`, `@`) prefixed with an apostrophe.
//!
//! Owns the byte format only; which rows and columns a view exports is decided by
//! the view.

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{FEFF}";

/// Quotes a cell when needed and neutralizes formula triggers. Numbers that the
/// caller passes as numbers (see [`Cell::Number`]) are written as they are, so a
/// negative growth rate stays a number.
fn write_cell(out: &mut String, cell: &Cell) {
    let text = match cell {
        Cell::Number(n) => {
            out.push_str(n);
            return;
        }
        Cell::Text(t) => t.as_str(),
    };
    let guarded;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{text}");
        guarded.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// One cell of a CSV row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number already formatted; written verbatim.
    Number(String),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<Option<f64>> for Cell {
    fn from(n: Option<f64>) -> Self {
        Cell::Number(n.map(format_number).unwrap_or_default())
    }
}

impl From<Option<i32>> for Cell {
    fn from(n: Option<i32>) -> Self {
        Cell::Number(n.map(|n| n.to_string()).unwrap_or_default())
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Cell::Number(n.to_string())
    }
}

/// Formats a number without float noise (0.1 + 0.2 → 0.3) and without a trailing
/// `.0`.
pub fn format_number(n: f64) -> String {
    let s = format!("{:.6}", n);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Writes a whole CSV document: BOM, header, rows.
pub fn to_csv(header: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from(BOM);
    let head: Vec<Cell> = header.iter().map(|h| Cell::from(*h)).collect();
    for row in std::iter::once(&head).chain(rows) {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_cell(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized_and_numbers_are_not() {
        let csv = to_csv(
            &["a", "b"],
            &[vec![Cell::from("=SUM(A1)"), Cell::from(Some(-3.5))]],
        );
        assert_eq!(csv, "\u{FEFF}a,b\r\n'=SUM(A1),-3.5\r\n");
    }

    #[test]
    fn quotes_commas_and_quotes() {
        let csv = to_csv(&["x"], &[vec![Cell::from("“城市更新”, \"引号\"")]]);
        assert!(csv.ends_with("\"“城市更新”, \"\"引号\"\"\"\r\n"));
    }
}
