//! The filter bar shared by every view: district, years, kind, document and free
//! text, with a live count of what is selected.

use super::i18n::{group, kind_name};
use super::Ctx;
use crate::model::DocKind;
use crate::state::Lang;
use leptos::prelude::*;

#[component]
pub fn FilterBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = ctx.state;
    let (districts, kinds, docs, years) = ctx.corpus.with(|c| {
        let mut districts: Vec<String> = c.docs.iter().filter_map(|d| d.district.clone()).collect();
        crate::order::sort_dedup(&mut districts);
        let kinds: Vec<DocKind> = DocKind::ALL
            .into_iter()
            .filter(|k| c.docs.iter().any(|d| d.kind == *k))
            .collect();
        let docs: Vec<(String, String)> = c
            .docs
            .iter()
            .map(|d| {
                let year = d.year().map(|y| format!("{y} ")).unwrap_or_default();
                let district = d.district.clone().unwrap_or_default();
                (
                    d.id.clone(),
                    format!("{year}{district} {}", d.shown_title()),
                )
            })
            .collect();
        let ys: Vec<i32> = c.docs.iter().filter_map(|d| d.year()).collect();
        let years = (ys.iter().min().copied(), ys.iter().max().copied());
        (districts, kinds, docs, years)
    });
    let year_input = move |is_from: bool| {
        view! {
            <input
                type="number"
                inputmode="numeric"
                min=years.0
                max=years.1
                placeholder=move || if is_from { years.0.map(|y| y.to_string()) } else { years.1.map(|y| y.to_string()) }
                prop:value=move || state.with(|s| if is_from { s.filter.from } else { s.filter.to }).map(|y| y.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev).trim().parse::<i32>().ok();
                    state.update(|s| if is_from { s.filter.from = v } else { s.filter.to = v });
                }
            />
        }
    };
    view! {
        <div class="filters" role="search" aria-label=ctx.t("筛选", "Filters")>
            <div class="chips" role="group" aria-label=ctx.t("区", "District")>
                {districts.into_iter().map(|d| {
                    let name = d.clone();
                    let pressed = move || state.with(|s| s.filter.districts.contains(&name));
                    let name2 = d.clone();
                    view! {
                        <button
                            class="chip"
                            aria-pressed=move || pressed().to_string()
                            on:click=move |_| state.update(|s| {
                                let list = &mut s.filter.districts;
                                if let Some(i) = list.iter().position(|x| *x == name2) {
                                    list.remove(i);
                                } else {
                                    list.push(name2.clone());
                                }
                            })
                        >{d}</button>
                    }
                }).collect_view()}
            </div>
            <label class="years">{ctx.t("起始年份", "From year")}{year_input(true)}</label>
            <label class="years">{ctx.t("截止年份", "To year")}{year_input(false)}</label>
            <label>{ctx.t("类型", "Kind")}
                <select
                    prop:value=move || state.with(|s| s.filter.kinds.first().map(|k| k.id().to_string()).unwrap_or_default())
                    on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.update(|s| s.filter.kinds = DocKind::from_id(&v).into_iter().collect());
                }>
                    <option value="" selected=state.with_untracked(|s| s.filter.kinds.is_empty())>
                        {ctx.t("全部类型", "All kinds")}
                    </option>
                    {kinds.into_iter().map(|k| view! {
                        <option value=k.id() selected=state.with_untracked(|s| s.filter.kinds.contains(&k))>
                            {move || kind_name(ctx.lang.get(), k)}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label>{ctx.t("文件", "Document")}
                <select
                    prop:value=move || state.with(|s| s.filter.docs.first().cloned().unwrap_or_default())
                    on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.update(|s| s.filter.docs = if v.is_empty() { Vec::new() } else { vec![v] });
                }>
                    <option value="" selected=state.with_untracked(|s| s.filter.docs.is_empty())>
                        {ctx.t("全部文件", "All documents")}
                    </option>
                    {docs.into_iter().map(|(id, label)| {
                        let selected = state.with_untracked(|s| s.filter.docs.contains(&id));
                        view! {
                            <option value=id selected=selected>{label}</option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <label class="search">{ctx.t("全文搜索（繁简皆可）", "Search (either script)")}
                <input
                    type="search"
                    prop:value=move || state.with(|s| s.filter.q.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.update(|s| s.filter.q = v.trim().to_string());
                    }
                />
            </label>
            <button on:click=move |_| state.update(|s| s.filter = Default::default())>
                {ctx.t("清除筛选", "Clear filters")}
            </button>
        </div>
        <p class="summary" role="status">{move || {
            // Free text is matched against the words, which arrive with the text part.
            let searching = ctx.filter.with(|f| !f.q.is_empty());
            if searching && !ctx.corpus.with(|c| c.has_text()) {
                return ctx.tr("正在载入全文以搜索……", "Loading the full text to search…").to_string();
            }
            let (d, s, f) = ctx.sel.with(|sel| (sel.docs.len(), sel.sentences.len(), sel.facts.len()));
            match ctx.lang.get() {
                Lang::Zh => format!("{} 份报告 · {} 句 · {} 个数字", d, group(s), group(f)),
                Lang::En => format!("{} documents · {} sentences · {} figures", d, group(s), group(f)),
            }
        }}</p>
    }
}
