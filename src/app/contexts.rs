//! The concordance: every hit of a term or free text in the selection, with left
//! and right context, sortable, each line linking to the reader.

use super::dom;
use super::rows;
use super::Ctx;
use crate::export::Cell;
use crate::query::SentenceRef;
use crate::table;
use crate::terms::{kwic, sort_kwic, KwicLine, KwicSort};
use leptos::prelude::*;

const WIDTH: usize = 18;

#[component]
pub fn ContextsView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = ctx.state;
    let term = Memo::new(move |_| {
        state.with(|s| {
            s.terms
                .first()
                .cloned()
                .unwrap_or_else(|| s.filter.q.clone())
        })
    });
    let order = RwSignal::new(KwicSort::Document);
    let lines = Memo::new(move |_| {
        let t = term.get();
        let by = order.get();
        if t.is_empty() {
            return Vec::new();
        }
        ctx.corpus.with(|c| {
            ctx.sel.with(|sel| {
                let mut l = dom::timed("baogao:kwic", || kwic(c, sel, &t, WIDTH));
                sort_kwic(&mut l, by);
                l
            })
        })
    });
    let paging = rows::Paging::new(move || lines.with(|l| l.len()));
    let csv = move |_| {
        let body = ctx.corpus.with(|c| {
            lines.with(|ls| {
                let rows = ls
                    .iter()
                    .map(|l| {
                        (
                            Some(SentenceRef {
                                doc: l.doc,
                                sentence: l.sentence,
                            }),
                            l.doc,
                            vec![
                                Cell::from(l.left.as_str()),
                                Cell::from(l.hit.as_str()),
                                Cell::from(l.right.as_str()),
                            ],
                        )
                    })
                    .collect();
                table::rows_csv(c, &["left", "hit", "right"], rows)
            })
        });
        dom::download(
            &format!("{}.csv", dom::file_stem(&["contexts", &term.get()])),
            "text/csv;charset=utf-8",
            &body,
        );
    };
    let sort_button = move |by: KwicSort, zh: &'static str, en: &'static str| {
        view! {
            <button class="chip" aria-pressed=move || (order.get() == by).to_string() on:click=move |_| order.set(by)>{ctx.t(zh, en)}</button>
        }
    };
    view! {
        <div class="toolbar">
            <label>{ctx.t("检索词（繁简皆可）", "Term or text (either script)")}" "
                <input type="search" prop:value=move || term.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_string();
                        state.update(|s| {
                            if s.terms.is_empty() { s.terms.push(v) } else { s.terms[0] = v }
                            s.terms.retain(|t| !t.is_empty());
                        });
                    } />
            </label>
            <div class="chips" role="group" aria-label=ctx.t("排序", "Sort")>
                {sort_button(KwicSort::Document, "按文件", "By document")}
                {sort_button(KwicSort::Left, "按左文", "By left context")}
                {sort_button(KwicSort::Right, "按右文", "By right context")}
            </div>
            <span class="count">{move || format!("{} {}", lines.with(|l| l.len()), ctx.tr("处", "hits"))}</span>
            <button class="primary" on:click=csv>{ctx.t("下载语境 CSV", "Download contexts CSV")}</button>
        </div>
        <div class="table-wrap">
            <table class="kwic" aria-rowcount=paging.rowcount()>
                <thead><tr>
                    <th>{ctx.t("出处", "Where")}</th>
                    <th class="num">{ctx.t("左文", "Left")}</th>
                    <th>{ctx.t("检索词", "Hit")}</th>
                    <th>{ctx.t("右文", "Right")}</th>
                </tr></thead>
                <tbody
                    inner_html=move || lines.with(|ls| kwic_html(&ctx, &ls[..paging.end().min(ls.len())]))
                    on:click=rows::open_clicked(ctx)
                ></tbody>
            </table>
        </div>
        <rows::More paging=paging />
    }
}

/// The concordance body as HTML (see [`rows`]).
fn kwic_html(ctx: &Ctx, lines: &[KwicLine]) -> String {
    let mut html = String::with_capacity(lines.len() * 200);
    ctx.corpus.with(|c| {
        for l in lines {
            let d = &c.docs[l.doc as usize];
            let s = &d.sentences[l.sentence as usize];
            let place = format!(
                "{} {}",
                d.year().map(|y| y.to_string()).unwrap_or_default(),
                d.district.as_deref().unwrap_or_default()
            );
            html.push_str("<tr>");
            rows::sentence_button(&mut html, "", &d.id, &s.id, &place);
            html.push_str("<td class=\"left\"><bdi>");
            html.push_str(&rows::escape(&l.left));
            html.push_str("</bdi></td>");
            rows::cell(&mut html, "hit", &l.hit);
            rows::cell(&mut html, "right", &l.right);
            html.push_str("</tr>");
        }
    });
    html
}
