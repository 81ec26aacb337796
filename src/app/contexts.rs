//! The concordance: every hit of a term or free text in the selection, with left
//! and right context, sortable, each line linking to the reader.

use super::dom;
use super::Ctx;
use crate::export::Cell;
use crate::query::SentenceRef;
use crate::table;
use crate::terms::{kwic, sort_kwic, KwicSort};
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
            <table class="kwic">
                <thead><tr>
                    <th>{ctx.t("出处", "Where")}</th>
                    <th class="num">{ctx.t("左文", "Left")}</th>
                    <th>{ctx.t("检索词", "Hit")}</th>
                    <th>{ctx.t("右文", "Right")}</th>
                </tr></thead>
                <tbody>{move || lines.get().into_iter().map(|l| {
                    let (doc, sid, place) = ctx.corpus.with(|c| {
                        let d = &c.docs[l.doc as usize];
                        let s = &d.sentences[l.sentence as usize];
                        let place = format!("{} {}", d.year().map(|y| y.to_string()).unwrap_or_default(), d.district.clone().unwrap_or_default());
                        (d.id.clone(), s.id.clone(), place)
                    });
                    view! {
                        <tr>
                            <td><button class="link" on:click=move |_| ctx.open_sentence(&doc, &sid)>{place}</button></td>
                            <td class="left"><bdi>{l.left.clone()}</bdi></td>
                            <td class="hit">{l.hit.clone()}</td>
                            <td class="right">{l.right.clone()}</td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}
