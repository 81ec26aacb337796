//! Web pages saved as HTML rather than as text: read as the text a browser shows
//! of them, one line per block, so that the rest of the pipeline sees what it
//! would see had the page been saved as text.
//!
//! Not a full HTML parser: a report page needs only its text and where its
//! blocks break. Scripts, styles, the page title and comments are set aside;
//! runs of spaces and line breaks in the source collapse to one space, as a
//! browser collapses them; character references are decoded.

/// Elements whose contents a reader never sees as text.
const HIDDEN: [&str; 9] = [
    "script", "style", "title", "noscript", "template", "svg", "math", "select", "textarea",
];

/// Elements that start and end a line of their own.
const BLOCKS: [&str; 40] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "option",
];

/// Table cells: apart on their row's line.
const CELLS: [&str; 2] = ["td", "th"];

/// Whether `text` is an HTML page or fragment rather than plain text: it starts
/// with a tag (a report as text never starts with `<`) and closes some element.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let starts_with_tag = t.starts_with('<')
        && t[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?');
    starts_with_tag && closes_an_element(t)
}

fn closes_an_element(t: &str) -> bool {
    t.match_indices("</")
        .any(|(i, _)| t[i + 2..].starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// The text a browser shows of an HTML page: one line per block element or
/// `<br>`, table cells apart by a tab, no blank line twice in a row.
pub fn to_text(html: &str) -> String {
    let mut out = Text::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(tag) = Tag::read(rest) else {
            // A `<` that starts no tag is text.
            out.push_str("<");
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if HIDDEN.contains(&tag.name.as_str()) && !tag.closing && !tag.self_closing {
            rest = skip_element(rest, &tag.name);
        } else if BLOCKS.contains(&tag.name.as_str()) {
            out.line_break(tag.name == "br");
            if tag.name == "pre" && !tag.self_closing {
                out.pre = !tag.closing;
            }
        } else if CELLS.contains(&tag.name.as_str()) {
            // Between cells, whether the cell before was closed or not.
            out.cell_break();
        }
    }
    out.push_str(rest);
    out.finish()
}

/// A tag (or comment, doctype, processing instruction) at the start of a text.
struct Tag {
    /// Its name in lowercase; empty for a comment or a declaration.
    name: String,
    closing: bool,
    self_closing: bool,
    /// Bytes it takes, `<` to `>`.
    len: usize,
}

impl Tag {
    /// The tag `s` starts with, if `s[0]` is the `<` of one.
    fn read(s: &str) -> Option<Tag> {
        let body = &s[1..];
        let first = body.chars().next()?;
        if let Some(comment) = body.strip_prefix("!--") {
            // `<!-->` and `<!--->` are empty comments.
            let end = match comment {
                c if c.starts_with('>') => 5,
                c if c.starts_with("->") => 6,
                c => c.find("-->").map_or(s.len(), |e| 1 + 3 + e + 3),
            };
            return Some(Tag::bare(end));
        }
        if first == '!' || first == '?' {
            let end = body.find('>').map_or(s.len(), |e| e + 2);
            return Some(Tag::bare(end));
        }
        let closing = first == '/';
        let name_from = usize::from(closing);
        let name: String = body[name_from..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        // To the `>` outside any quoted attribute value.
        // A quote opens a value only right after its `=` (`alt=it's` has none).
        let mut quote = None;
        let mut end = None;
        let mut after_eq = false;
        for (i, c) in body.char_indices().skip(name_from + name.len()) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if after_eq => quote = Some(c),
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
            if !c.is_whitespace() {
                after_eq = quote.is_none() && c == '=';
            }
        }
        let end = end.map_or(s.len(), |e| e + 2);
        let self_closing = s[..end].trim_end_matches('>').ends_with('/');
        Some(Tag {
            name,
            closing,
            self_closing,
            len: end,
        })
    }

    fn bare(len: usize) -> Tag {
        Tag {
            name: String::new(),
            closing: false,
            self_closing: true,
            len,
        }
    }
}

/// What follows the element `name` whose start tag `rest` follows: after its end
/// tag, or nothing when it has none.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(p) = rest[from..].find("</") {
        let at = from + p;
        let after = &rest[at + 2..];
        let matches = after.len() >= name.len()
            && after.is_char_boundary(name.len())
            && after[..name.len()].eq_ignore_ascii_case(name)
            && !after[name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if matches {
            return match after.find('>') {
                Some(e) => &after[e + 1..],
                None => "",
            };
        }
        from = at + 2;
    }
    ""
}

/// The text being built: whitespace collapsed as a browser collapses it.
#[derive(Default)]
struct Text {
    out: String,
    /// A collapsed run of whitespace is pending: one space, unless a line
    /// break comes first.
    space: bool,
    /// The pending run holds a line break of the source.
    wrapped: bool,
    /// Inside `<pre>`: spaces and line breaks stand as they are.
    pre: bool,
}

/// Whether `c` is set full width in Chinese text (an ideograph, a CJK mark, a
/// full-width form): where the source wraps a line between two of them, the
/// break is no space (CSS Text's segment break rule, as Chinese text needs).
fn wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{A4CF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

impl Text {
    /// Source text between tags, its references decoded.
    fn push_str(&mut self, s: &str) {
        let mut rest = s;
        while !rest.is_empty() {
            let c = rest.chars().next().unwrap_or(' ');
            if c == '&' {
                if let Some((d, len)) = reference(rest) {
                    // A line break or tab written as a reference is whitespace
                    // like any other; other controls show nothing.
                    match d {
                        '\t' | '\n' | '\r' | '\x0C' => self.space = true,
                        d if d.is_control() => {}
                        d => self.push(d),
                    }
                    rest = &rest[len..];
                    continue;
                }
            }
            if self.pre && matches!(c, ' ' | '\t' | '\n') {
                match c {
                    '\n' => self.line_break(true),
                    c => self.out.push(c),
                }
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                self.wrapped |= matches!(c, '\n' | '\r');
                self.space = true;
            } else {
                self.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }

    /// One visible character; a no-break space is kept as a space (a run of
    /// them, the pages' indent, is not collapsed).
    fn push(&mut self, c: char) {
        let joined = self.wrapped && wide(c) && self.out.chars().next_back().is_some_and(wide);
        if self.space && !joined && !self.out.is_empty() && !self.out.ends_with(['\n', '\t']) {
            self.out.push(' ');
        }
        self.space = false;
        self.wrapped = false;
        self.out.push(if c == '\u{A0}' { ' ' } else { c });
    }

    /// The end of a block (or a `<br>`, which may leave an empty line).
    fn line_break(&mut self, always: bool) {
        (self.space, self.wrapped) = (false, false);
        if always || !(self.out.is_empty() || self.out.ends_with('\n')) {
            self.out.push('\n');
        }
    }

    fn cell_break(&mut self) {
        (self.space, self.wrapped) = (false, false);
        if !(self.out.is_empty() || self.out.ends_with(['\n', '\t'])) {
            self.out.push('\t');
        }
    }

    /// Lines without the spaces at their ends, no more than one empty line in a
    /// row, none at the start or end.
    fn finish(self) -> String {
        let mut text = String::with_capacity(self.out.len());
        let mut empty = 0;
        for line in self.out.lines().map(|l| l.trim_matches([' ', '\t'])) {
            if line.is_empty() {
                empty += 1;
                continue;
            }
            if !text.is_empty() {
                text.push_str(if empty > 0 { "\n\n" } else { "\n" });
            }
            empty = 0;
            text.push_str(line);
        }
        text.push('\n');
        text
    }
}

/// The character reference `s` starts with (`&amp;`, `&#8220;`, `&#x201C;`):
/// what it stands for and its length; `None` for an `&` that starts none.
/// XML's references (a Word body's) are among them.
pub(crate) fn reference(s: &str) -> Option<(char, usize)> {
    let end = (s[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')))
        .map_or(s.len(), |e| e + 1);
    let name = &s[1..end];
    // The `;` may be missing after the commonest ones, as browsers allow.
    let len = end + usize::from(s[end..].starts_with(';'));
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        let c = char::from_u32(code).filter(|c| *c != '\0')?;
        return Some((c, len));
    }
    let c = match name {
        "nbsp" => '\u{A0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "deg" => '°',
        "permil" => '‰',
        "yen" => '¥',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "rarr" => '→',
        "larr" => '←',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "sup2" => '²',
        "sup3" => '³',
        "emsp" => '\u{2003}',
        "ensp" => '\u{2002}',
        "thinsp" => '\u{2009}',
        _ => return None,
    };
    Some((c, len))
}
