//! The figures view: every number in the selection as a sortable table,
//! filterable by indicator, with its provenance; the CSV holds exactly these rows.

use super::dom;
use super::i18n::{fact_kind, num, period, signed, unit};
use super::rows::{self, More, Paging};
use super::Ctx;
use crate::model::Fact;
use crate::query::FactRef;
use crate::state::Lang;
use crate::table;
use leptos::prelude::*;

/// Sortable columns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Document,
    District,
    Period,
    Indicator,
    Value,
    Growth,
}

fn cmp_opt(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (a, b) => a.is_some().cmp(&b.is_some()).reverse(),
    }
}

/// The table body as HTML: one `<tr>` per figure.
fn rows_html(ctx: &Ctx, rows: &[FactRef], ind_name: &dyn Fn(&Option<String>) -> String) -> String {
    let lang = ctx.lang.get();
    let mut html = String::with_capacity(rows.len() * 400);
    ctx.corpus.with(|c| {
        for r in rows {
            let d = &c.docs[r.doc as usize];
            let f = &d.facts[r.fact as usize];
            let value = f
                .value
                .map(|v| format!("{} {}", num(v), unit(lang, f.unit.as_deref().unwrap_or(""))))
                .unwrap_or_default();
            let qualifier = f
                .qualifier
                .as_ref()
                .map(|q| format!(" ({q})"))
                .unwrap_or_default();
            let change = f
                .change_pct
                .map(|p| format!("{}%", signed(p)))
                .or(f.change_pp.map(|p| format!("{} pp", signed(p))))
                .unwrap_or_default();
            let cells = [
                (d.id.clone(), ""),
                (d.district.clone().unwrap_or_default(), ""),
                (period(f), ""),
                (ind_name(&f.indicator), ""),
                (f.subject.clone(), ""),
                (value + &qualifier, "num"),
                (change, "num"),
                (fact_kind(lang, f.kind).to_string(), ""),
            ];
            html.push_str("<tr>");
            for (text, class) in cells {
                rows::cell(&mut html, class, &text);
            }
            rows::sentence_button(&mut html, "quote", &f.doc, &f.sentence, &f.quote);
            html.push_str("</tr>");
        }
    });
    html
}

#[component]
pub fn FiguresView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = ctx.state;
    let sort = RwSignal::new((Col::Document, false));
    let indicator = Memo::new(move |_| {
        state
            .with(|s| s.indicator.clone())
            .filter(|i| !i.is_empty() && i != "all")
    });
    let rows = Memo::new(move |_| {
        let ind = indicator.get();
        let (col, desc) = sort.get();
        ctx.corpus.with(|c| {
            ctx.sel.with(|sel| {
                // References only: a filter change copies no figure.
                let mut v: Vec<FactRef> = table::figures(c, sel, ind.as_deref())
                    .into_iter()
                    .map(|(r, _)| r)
                    .collect();
                if col == Col::Document && !desc {
                    return v;
                }
                let fact = |r: &FactRef| &c.docs[r.doc as usize].facts[r.fact as usize];
                let district = |r: &FactRef| c.docs[r.doc as usize].district.as_deref();
                crate::order::sort_by(&mut v, |ra, rb| {
                    let (a, b) = (fact(ra), fact(rb));
                    let o = match col {
                        Col::Document => ra.cmp(rb),
                        Col::District => district(ra).cmp(&district(rb)).then(ra.cmp(rb)),
                        Col::Period => a.period_end.cmp(&b.period_end).then(ra.cmp(rb)),
                        Col::Indicator => a.indicator.cmp(&b.indicator).then(ra.cmp(rb)),
                        Col::Value => cmp_opt(a.value_base.or(a.value), b.value_base.or(b.value)),
                        Col::Growth => cmp_opt(a.change_pct, b.change_pct),
                    };
                    if desc {
                        o.reverse()
                    } else {
                        o
                    }
                });
                v
            })
        })
    });
    let paging = Paging::new(move || rows.with(|r| r.len()));
    let names: Vec<(String, String, String)> = ctx.corpus.with(|c| {
        c.indicators
            .iter()
            .map(|i| (i.id.clone(), i.name_zh.clone(), i.name_en.clone()))
            .collect()
    });
    let names2 = names.clone();
    let ind_name = move |id: &Option<String>| -> String {
        let Some(id) = id else { return String::new() };
        names2
            .iter()
            .find(|n| n.0 == *id)
            .map(|n| {
                if ctx.lang.get() == Lang::Zh {
                    n.1.clone()
                } else {
                    n.2.clone()
                }
            })
            .unwrap_or_else(|| id.clone())
    };
    let header = move |col: Col, zh: &'static str, en: &'static str| {
        let aria = move || match sort.get() {
            (c, false) if c == col => "ascending",
            (c, true) if c == col => "descending",
            _ => "none",
        };
        view! {
            <th aria-sort=aria>
                <button on:click=move |_| sort.update(|s| *s = if s.0 == col { (col, !s.1) } else { (col, false) })>
                    {move || ctx.tr(zh, en)}
                </button>
            </th>
        }
    };
    let csv = move |_| {
        let body = ctx.corpus.with(|c| {
            rows.with(|v| {
                let list: Vec<(FactRef, &Fact)> = v
                    .iter()
                    .map(|r| (*r, &c.docs[r.doc as usize].facts[r.fact as usize]))
                    .collect();
                table::figures_csv(c, &list)
            })
        });
        let stem = dom::file_stem(&["figures", &indicator.get().unwrap_or_default()]);
        dom::download(&format!("{stem}.csv"), "text/csv;charset=utf-8", &body);
    };
    view! {
        <div class="toolbar">
            <label>{move || ctx.tr("指标", "Indicator")}" "
                <select
                    prop:value=move || indicator.get().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); state.update(|s| s.indicator = Some(v).filter(|v| !v.is_empty())); }>
                    <option value="" selected=indicator.get_untracked().is_none()>{move || ctx.tr("全部数字", "All figures")}</option>
                    {names.into_iter().map(|(id, zh, en)| {
                        let selected = indicator.get_untracked().as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{move || if ctx.lang.get() == Lang::Zh { zh.clone() } else { en.clone() }}</option> }
                    }).collect_view()}
                </select>
            </label>
            <span class="count">{move || format!("{} {}", rows.with(|r| r.len()), ctx.tr("行", "rows"))}</span>
            <button class="primary" on:click=csv>{move || ctx.tr("下载表格 CSV", "Download table CSV")}</button>
        </div>
        <div class="table-wrap">
            <table class="figures" aria-rowcount=paging.rowcount()>
                <thead><tr>
                    {header(Col::Document, "文件", "Document")}
                    {header(Col::District, "区", "District")}
                    {header(Col::Period, "时期", "Period")}
                    {header(Col::Indicator, "指标", "Indicator")}
                    <th>{move || ctx.tr("主体", "Subject")}</th>
                    {header(Col::Value, "数值", "Value")}
                    {header(Col::Growth, "增长", "Growth")}
                    <th>{move || ctx.tr("类别", "Kind")}</th>
                    <th>{move || ctx.tr("原文", "Quote")}</th>
                </tr></thead>
                // One string for the whole body: hundreds of rows are built in one
                // step instead of thousands of DOM calls, which keeps a filter change
                // within a frame. Quote buttons are handled by one delegated listener.
                <tbody
                    inner_html=move || rows.with(|r| rows_html(&ctx, &r[..paging.end().min(r.len())], &ind_name))
                    on:click=rows::open_clicked(ctx)
                ></tbody>
            </table>
        </div>
        <More paging=paging />
    }
}
