//! The reader: one document with its section outline, in its own script or in
//! simplified, with search hits, figures, repaired and unknown characters marked.

use super::dom;
use super::rows::escape;
use super::Ctx;
use crate::model::{Doc, MarkKind};
use crate::query::SentenceRef;
use crate::table;
use leptos::prelude::*;

/// How each character of a sentence is marked.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    hit: bool,
    fig: bool,
    repaired: bool,
    unknown: bool,
}

impl Marks {
    fn class(self) -> String {
        let mut c = Vec::new();
        if self.fig {
            c.push("fig");
        }
        if self.repaired {
            c.push("repaired");
        }
        if self.unknown {
            c.push("unknown");
        }
        c.join(" ")
    }
}

/// Splits a sentence into runs of equally marked characters.
fn runs(doc: &Doc, si: usize, needle: &str, simplified: bool) -> Vec<(String, Marks)> {
    let s = &doc.sentences[si];
    let shown: Vec<char> = if simplified {
        s.norm.chars().collect()
    } else {
        s.text.chars().collect()
    };
    let norm: Vec<char> = s.norm.chars().collect();
    // Offsets found in the simplified text carry over when conversion kept the
    // length, which phrase-level conversion nearly always does.
    let aligned = simplified || norm.len() == shown.len();
    let mut m = vec![Marks::default(); shown.len()];
    if aligned && !needle.is_empty() {
        let n: Vec<char> = needle.chars().collect();
        let mut i = 0;
        while i + n.len() <= norm.len() {
            if norm[i..i + n.len()] == n[..] {
                m[i..i + n.len()].iter_mut().for_each(|x| x.hit = true);
                i += n.len();
            } else {
                i += 1;
            }
        }
    }
    if aligned {
        for f in doc.facts.iter().filter(|f| f.sentence == s.id) {
            let (a, b) = (f.quote_start as usize, (f.quote_end as usize).min(m.len()));
            m.iter_mut().take(b).skip(a).for_each(|x| x.fig = true);
        }
    }
    if !simplified || norm.len() == (s.end - s.start) as usize {
        for mk in doc
            .marks
            .iter()
            .filter(|k| k.end > s.start && k.start < s.end)
        {
            let a = mk.start.saturating_sub(s.start) as usize;
            let b = ((mk.end - s.start) as usize).min(m.len());
            for x in m.iter_mut().take(b).skip(a) {
                match mk.kind {
                    MarkKind::Repaired => x.repaired = true,
                    MarkKind::Unknown => x.unknown = true,
                }
            }
        }
    }
    let mut out: Vec<(String, Marks)> = Vec::new();
    for (c, k) in shown.into_iter().zip(m) {
        match out.last_mut() {
            Some((t, last)) if *last == k => t.push(c),
            _ => out.push((c.to_string(), k)),
        }
    }
    out
}

/// The outline (`<li>` items) and the text (`<p>` per paragraph, a `<span>` per
/// sentence with its marks) of a document as HTML: a document of hundreds of
/// sentences is built in one step (see [`super::rows`]).
fn document_html(
    d: &Doc,
    needle: &str,
    simplified: bool,
    target: Option<&str>,
) -> (String, String) {
    let mut outline = String::new();
    for s in &d.sections {
        let first = d
            .sentences
            .iter()
            .find(|x| x.start >= s.start)
            .map(|x| x.id.as_str())
            .unwrap_or_default();
        outline.push_str(&format!(
            "<li class=\"level-{}\"><a href=\"#sent-{}\">{}{}</a></li>",
            s.level,
            escape(first),
            escape(&s.label),
            escape(&s.title)
        ));
    }
    let heading_starts: Vec<u32> = d.sections.iter().map(|s| s.start).collect();
    let mut body = String::with_capacity(d.sentences.len() * 200);
    let mut paragraph = None;
    let mut heading = false;
    for (si, s) in d.sentences.iter().enumerate() {
        if paragraph != Some(s.paragraph) {
            if paragraph.is_some() {
                body.push_str(if heading { "</strong></p>" } else { "</p>" });
            }
            paragraph = Some(s.paragraph);
            heading = heading_starts.contains(&s.start);
            body.push_str(if heading {
                "<p class=\"heading\"><strong>"
            } else {
                "<p>"
            });
        }
        let class = if target == Some(s.id.as_str()) {
            "sentence target"
        } else {
            "sentence"
        };
        body.push_str(&format!(
            "<span id=\"sent-{}\" class=\"{class}\">",
            escape(&s.id)
        ));
        for (t, m) in runs(d, si, needle, simplified) {
            let tag = if m.hit {
                "mark"
            } else if m != Marks::default() {
                "span"
            } else {
                body.push_str(&escape(&t));
                continue;
            };
            let class = m.class();
            if class.is_empty() {
                body.push_str(&format!("<{tag}>"));
            } else {
                body.push_str(&format!("<{tag} class=\"{class}\">"));
            }
            body.push_str(&escape(&t));
            body.push_str(&format!("</{tag}>"));
        }
        body.push_str("</span>");
    }
    if paragraph.is_some() {
        body.push_str(if heading { "</strong></p>" } else { "</p>" });
    }
    (outline, body)
}

#[component]
pub fn ReaderView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = ctx.state;
    let doc_index = Memo::new(move |_| {
        let read = state.with(|s| s.read.clone());
        ctx.corpus.with(|c| {
            read.and_then(|id| c.docs.iter().position(|d| d.id == id))
                .or_else(|| ctx.sel.with(|s| s.docs.first().map(|d| *d as usize)))
                .unwrap_or(0)
        })
    });
    let simplified = Memo::new(move |_| state.with(|s| s.simplified));
    let needle = Memo::new(move |_| ctx.corpus.with(|c| ctx.filter.with(|f| c.fold_query(&f.q))));
    let target = Memo::new(move |_| state.with(|s| s.sentence.clone()));
    // Scroll the chosen sentence to the middle of the screen once it is drawn: the
    // text before it stays in sight, and no rounding of the layout can leave it a
    // fraction of a pixel above the top edge (as aligning its top there can). One
    // taller than the screen is aligned at its top, so that it is read from its start.
    Effect::new(move |_| {
        let Some(id) = target.get() else { return };
        doc_index.track();
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("sent-{id}")) {
                let screen = window().inner_height().ok().and_then(|h| h.as_f64());
                let tall = screen.is_some_and(|h| el.get_bounding_client_rect().height() > h);
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(if tall {
                    web_sys::ScrollLogicalPosition::Start
                } else {
                    web_sys::ScrollLogicalPosition::Center
                });
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    });
    let docs: Vec<(String, String)> = ctx.corpus.with(|c| {
        c.docs
            .iter()
            .map(|d| {
                (
                    d.id.clone(),
                    format!(
                        "{} {} {}",
                        d.year().map(|y| y.to_string()).unwrap_or_default(),
                        d.district.clone().unwrap_or_default(),
                        d.shown_title()
                    ),
                )
            })
            .collect()
    });
    let ids: Vec<String> = docs.iter().map(|(id, _)| id.clone()).collect();
    let csv = move |_| {
        let di = doc_index.get();
        let body = ctx.corpus.with(|c| {
            let rows: Vec<SentenceRef> = (0..c.docs[di].sentences.len())
                .map(|s| SentenceRef {
                    doc: di as u32,
                    sentence: s as u32,
                })
                .collect();
            table::sentences_csv(c, &rows, simplified.get())
        });
        let id = ctx.corpus.with(|c| c.docs[di].id.clone());
        dom::download(
            &format!("{}.csv", dom::file_stem(&["reader", &id])),
            "text/csv;charset=utf-8",
            &body,
        );
    };
    view! {
        <div class="toolbar">
            <label>{ctx.t("阅读的文件", "Document to read")}" "
                <select
                    prop:value=move || ids.get(doc_index.get()).cloned().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); state.update(|s| { s.read = Some(v); s.sentence = None; }); }>
                    {docs.into_iter().enumerate().map(|(i, (id, label))| view! {
                        <option value=id selected=doc_index.get_untracked() == i>{label}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || simplified.get() on:change=move |ev| { let on = event_target_checked(&ev); state.update(|s| s.simplified = on); } />
                {ctx.t("简体显示", "Show in simplified script")}
            </label>
            <button class="primary" on:click=csv>{ctx.t("下载全文 CSV", "Download sentences CSV")}</button>
        </div>
        {move || {
            let di = doc_index.get();
            let simp = simplified.get();
            let needle = needle.get();
            let target = target.get();
            ctx.corpus.with(|c| {
                let d = &c.docs[di];
                let r = &d.repairs;
                let lang = ctx.lang.get();
                let meta = [
                    d.district.clone(),
                    d.year().map(|y| y.to_string()),
                    Some(super::i18n::kind_name(lang, d.kind).to_string()),
                    d.speaker.as_ref().map(|s| format!("{} {}", s.role.clone().unwrap_or_default(), s.name)),
                    d.meeting.clone(),
                    d.dates.delivered.clone().or(d.dates.published.clone()),
                ].into_iter().flatten().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ");
                let repairs = match lang {
                    crate::state::Lang::Zh => format!("修复：删去拼音注音 {} 处 · 乱码段 {} 处 · 复原 {} 字 · 无法复原 {} 字（以 � 标出）", r.pinyin_removed, r.mojibake_runs, r.chars_recovered, r.chars_unknown),
                    crate::state::Lang::En => format!("Repairs: {} pinyin annotations removed · {} mojibake runs · {} characters recovered · {} unknown (marked)", r.pinyin_removed, r.mojibake_runs, r.chars_recovered, r.chars_unknown),
                };
                let (outline, body) = document_html(d, &needle, simp, target.as_deref());
                view! {
                    <h3 lang=if d.script == crate::model::Script::Traditional && !simp { "zh-Hant" } else { "zh-Hans" }>{d.shown_title().to_string()}</h3>
                    <p class="meta">{meta}</p>
                    <p class="repairs">{repairs}</p>
                    <div class="reader">
                        <nav class="outline" aria-label=ctx.tr("章节", "Outline")><ol inner_html=outline></ol></nav>
                        <div class="text" lang=if d.script == crate::model::Script::Traditional && !simp { "zh-Hant" } else { "zh-Hans" } inner_html=body></div>
                    </div>
                }
            })
        }}
    }
}
