//! Long tables, drawn fast: a table body is built as one HTML string (hundreds of
//! rows in one step instead of thousands of DOM calls), its links are handled by
//! one delegated listener, and only a page of rows is drawn until the reader asks
//! for more. Sorting and the CSV always cover every row of the selection.

use super::Ctx;
use crate::state::Lang;
use leptos::prelude::*;

/// Rows drawn at first and added per "show more": enough to read, few enough
/// that a filter change stays within a frame at any corpus size.
pub const PAGE: usize = 100;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Appends `<td class=..>text</td>`, escaped; no class when `class` is empty.
pub fn cell(html: &mut String, class: &str, text: &str) {
    if class.is_empty() {
        html.push_str("<td>");
    } else {
        html.push_str("<td class=\"");
        html.push_str(class);
        html.push_str("\">");
    }
    html.push_str(&escape(text));
    html.push_str("</td>");
}

/// Appends a cell with a link-styled button that opens a sentence in the reader
/// (see [`clicked_sentence`]).
pub fn sentence_button(html: &mut String, class: &str, doc: &str, sentence: &str, text: &str) {
    html.push_str(&format!(
        "<td class=\"{class}\"><button class=\"link\" data-doc=\"{}\" data-sentence=\"{}\">{}</button></td>",
        escape(doc),
        escape(sentence),
        escape(text)
    ));
}

/// The button matching `selector` that a click inside a delegated container
/// landed on, if any.
pub fn clicked_button(ev: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(selector).ok()?
}

/// The (document, sentence) of a clicked sentence button.
fn clicked_sentence(ev: &web_sys::MouseEvent) -> Option<(String, String)> {
    let button = clicked_button(ev, "button[data-sentence]")?;
    Some((
        button.get_attribute("data-doc")?,
        button.get_attribute("data-sentence")?,
    ))
}

/// The click handler of a table body with sentence buttons: opens the sentence.
pub fn open_clicked(ctx: Ctx) -> impl Fn(web_sys::MouseEvent) + 'static {
    move |ev| {
        if let Some((doc, sid)) = clicked_sentence(&ev) {
            ctx.open_sentence(&doc, &sid);
        }
    }
}

/// How many rows of a table are drawn: a page at first and after every change of
/// the rows, more on request.
#[derive(Clone, Copy)]
pub struct Paging {
    shown: RwSignal<usize>,
    pub total: Memo<usize>,
}

impl Paging {
    /// `rows` is tracked: when it changes, the table goes back to its first page.
    pub fn new(rows: impl Fn() -> usize + Send + Sync + 'static) -> Self {
        let shown = RwSignal::new(PAGE);
        let total = Memo::new(move |_| {
            let n = rows();
            if shown.get_untracked() != PAGE {
                shown.set(PAGE);
            }
            n
        });
        Paging { shown, total }
    }

    /// Rows to draw.
    pub fn end(&self) -> usize {
        self.shown.get().min(self.total.get())
    }

    /// `aria-rowcount` for the table (rows plus the header row) while not every
    /// row is drawn, so assistive technology announces the whole size.
    pub fn rowcount(self) -> impl Fn() -> Option<String> + Send + Sync + Copy + 'static {
        move || {
            let n = self.total.get();
            (self.end() < n).then(|| (n + 1).to_string())
        }
    }
}

/// "Showing 100 of 475 rows; the CSV holds all 475" and a button for more.
#[component]
pub fn More(paging: Paging) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let (end, n) = (paging.end(), paging.total.get());
        (end < n).then(|| {
            view! {
                <p class="more">
                    {match ctx.lang.get() {
                        Lang::Zh => format!("显示 {end} 行，共 {n} 行；CSV 含全部 {n} 行。"),
                        Lang::En => format!("Showing {end} of {n} rows; the CSV holds all {n}."),
                    }}" "
                    <button on:click=move |_| paging.shown.update(|s| *s += PAGE)>
                        {ctx.t("显示更多", "Show more")}
                    </button>
                </p>
            }
        })
    }
}
